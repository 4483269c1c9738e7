import { settlementFigures as figures } from "../../src/modules/alliances/constants.ts";
import { presentAlliance, presentCostEntry, presentSettlement } from "../../src/modules/alliances/presenters.ts";
import { amountText } from "../ui/alliances/format.ts";
import { SettlementSteps } from "../ui/alliances/SettlementSteps.tsx";
import { useI18n } from "../ui/i18n.ts";
import { ButtonAnchor } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/alliance-settlement";

/**
 * A settlement: its figures, each a link to the step that produced it; every step names its rule and links to
 * the steps, cost entries and parts of the model it rests on, so any amount can be followed back by keyboard.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const view = await load(() => services.allianceSettlements.get(caller, params.id));
  const settlement = presentSettlement(view, caller.locale);
  const alliance = presentAlliance(await load(() => services.alliances.get(caller, view.row.allianceId)));
  // The cost entries the steps rest on, in one query, through their presenter like every row.
  const ids = settlement.years.flatMap((y) =>
    y.steps.flatMap((s) => s.sources.filter((x) => x.kind === "costEntry").map((x) => x.ref)),
  );
  const rows = await load(() => services.allianceBooks.costEntriesByIds(caller, alliance.id, ids));
  const entries: Record<string, ReturnType<typeof presentCostEntry>> = Object.fromEntries(
    rows.map((entry) => [entry.id, presentCostEntry(entry, alliance.currency)]),
  );
  return { settlement, alliance: { id: alliance.id, name: alliance.name }, entries };
}

export default function AllianceSettlement({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { settlement, alliance, entries } = loaderData;
  const year = settlement.years.at(-1);
  const kind = t(settlement.final ? "alliances.settlement.final" : "alliances.settlement.interim");
  const title = t("alliances.settlement.pageTitle", { kind, year: settlement.year, version: settlement.version });
  const party = (id: string) => settlement.parties[id] ?? id;
  return (
    <div className="stack">
      <title>{`${title} – ${alliance.name} – ${t("app.name")}`}</title>
      <p>
        <a href={`/alliances/${alliance.id}`}>← {t("alliances.settlement.back")}</a>
      </p>
      <PageTitle lead={`${alliance.name} · ${t(`alliances.settlement.${settlement.status}`)}`}>{title}</PageTitle>
      <p className="form-actions">
        <ButtonAnchor href={`/alliances/settlements/${settlement.id}/export.xlsx`} download>
          {t("alliances.export.downloadXlsx")}
        </ButtonAnchor>
        <ButtonAnchor href={`/alliances/settlements/${settlement.id}/export.docx`} download>
          {t("alliances.export.downloadDocx")}
        </ButtonAnchor>
      </p>
      {year && (
        <>
          <DataTable
            caption={t("alliances.settlement.figures")}
            rowHeader
            columns={[
              { key: "figure", header: t("alliances.settlement.figure"), cell: (f) => t(`alliances.figure.${f}`) },
              {
                key: "amount",
                header: t("alliances.cost.amount"),
                align: "end",
                cell: (f) => (
                  <a
                    href={`#step-${year.trace[f]}`}
                    aria-label={`${amountText(locale, year.figures[f])}: ${t("alliances.settlement.howLabel", { figure: t(`alliances.figure.${f}`) })}`}
                  >
                    {amountText(locale, year.figures[f])}
                  </a>
                ),
              },
            ]}
            rows={[...figures]}
            rowKey={(f) => f}
            emptyText="–"
          />
          <DataTable
            caption={t("alliances.settlement.parties")}
            rowHeader
            columns={[
              { key: "party", header: t("alliances.books.party"), cell: (p) => party(p.partyId) },
              {
                key: "amount",
                header: t("alliances.cost.amount"),
                align: "end",
                cell: (p) => <a href={`#step-${p.step}`}>{amountText(locale, p.amount)}</a>,
              },
            ]}
            rows={[
              ...year.providerParts.map((p) => ({ partyId: p.partyId, amount: p.total, step: p.step })),
              ...year.ownerParts.map((p) => ({ partyId: p.partyId, amount: p.payment, step: p.step })),
            ]}
            rowKey={(p) => p.step}
            emptyText="–"
          />
        </>
      )}
      {settlement.previous && settlement.changes.length > 0 && (
        <DataTable
          caption={t("alliances.settlement.changes", { version: settlement.previous.version })}
          rowHeader
          columns={[
            { key: "figure", header: t("alliances.settlement.figure"), cell: (c) => t(`alliances.figure.${c.figure}`) },
            {
              key: "before",
              header: t("alliances.settlement.before"),
              align: "end",
              cell: (c) => amountText(locale, c.before),
            },
            {
              key: "after",
              header: t("alliances.settlement.after"),
              align: "end",
              cell: (c) => amountText(locale, c.after),
            },
            {
              key: "change",
              header: t("alliances.settlement.change"),
              align: "end",
              cell: (c) => amountText(locale, c.change),
            },
          ]}
          rows={settlement.changes}
          rowKey={(c) => c.figure}
          emptyText="–"
        />
      )}
      {year && (
        <section aria-labelledby="steps" className="stack">
          <Heading level={2} id="steps">
            {t("alliances.settlement.steps")}
          </Heading>
          <SettlementSteps steps={year.steps} entries={entries} />
        </section>
      )}
    </div>
  );
}
