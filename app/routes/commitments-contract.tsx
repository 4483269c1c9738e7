import { presentContract, presentDocumentsPage } from "../../src/modules/commitments/presenters.ts";
import { day, euros } from "../ui/commitments/format.ts";
import { useI18n } from "../ui/i18n.ts";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/commitments-contract";

/** One contract: its dates and notice deadline, parties, reminders and documents. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  return load(async () => ({
    contract: presentContract(await services.contracts.getContract(caller, params.id)),
    documents: presentDocumentsPage(await services.contractDocuments.list(caller, params.id, { limit: 200 })).items,
  }));
}

export default function CommitmentsContract({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { contract: c, documents } = loaderData;
  const facts: [string, string][] = [
    [t("commitments.page.folder"), c.folder.name],
    [t("commitments.page.number"), c.number],
    [t("commitments.page.type"), t(`commitments.type.${c.type}`)],
    [t("commitments.page.status"), t(`commitments.status.${c.status}`)],
    [t("commitments.page.start"), day(locale, c.startDate)],
    [t("commitments.page.end"), c.openEnded ? t("commitments.page.openEnded") : day(locale, c.endDate)],
    [t("commitments.page.noticeDeadline"), day(locale, c.noticeDeadline)],
    [t("commitments.page.noticeActBy"), day(locale, c.noticeActBy)],
    [t("commitments.page.value"), c.value ? euros(locale, c.value.cents, c.value.currency) : "–"],
    [t("commitments.page.responsible"), c.responsible?.name ?? "–"],
  ];
  return (
    <div className="stack">
      <title>{`${c.name} – ${t("app.name")}`}</title>
      <PageTitle lead={c.folder.name}>{c.name}</PageTitle>
      <dl className="commitments-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="parties" className="stack">
        <Heading level={2} id="parties">
          {t("commitments.page.parties")}
        </Heading>
        <DataTable
          caption={t("commitments.page.parties")}
          captionHidden
          rowHeader
          columns={[
            { key: "name", header: t("commitments.page.partyName"), cell: (p) => p.name },
            { key: "businessId", header: t("commitments.page.businessId"), cell: (p) => p.businessId ?? "–" },
            { key: "role", header: t("commitments.page.partyRole"), cell: (p) => t(`commitments.partyRole.${p.role}`) },
          ]}
          rows={c.parties}
          rowKey={(p) => p.id}
          emptyText={t("commitments.page.noParties")}
        />
      </section>
      <section aria-labelledby="reminders" className="stack">
        <Heading level={2} id="reminders">
          {t("commitments.page.reminders")}
        </Heading>
        <DataTable
          caption={t("commitments.page.reminders")}
          captionHidden
          rowHeader
          columns={[
            {
              key: "kind",
              header: t("commitments.page.reminderOf"),
              cell: (r) => t(`commitments.page.reminderKind.${r.kind}`),
            },
            { key: "date", header: t("commitments.page.date"), cell: (r) => day(locale, r.actBy) },
            { key: "due", header: t("commitments.page.reminderSent"), cell: (r) => day(locale, r.dueDate) },
          ]}
          rows={c.reminders}
          rowKey={(r) => `${r.kind}-${r.eventDate}`}
          emptyText={t("commitments.page.noReminders")}
        />
      </section>
      <section aria-labelledby="documents" className="stack">
        <Heading level={2} id="documents">
          {t("commitments.page.documents")}
        </Heading>
        {documents.length === 0 ? (
          <p>{t("commitments.page.noDocuments")}</p>
        ) : (
          <ul>
            {documents.map((d) => (
              <li key={d.id}>
                {d.title}
                {d.versions.map((v) => (
                  <span key={v.id}>
                    {" · "}
                    <a href={v.downloadUrl}>
                      {t("commitments.page.version", { version: String(v.version), name: v.name })}
                    </a>
                  </span>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
