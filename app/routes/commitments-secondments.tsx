import { useLocation } from "react-router";
import { allows } from "../../src/core/policy.ts";
import { commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import {
  presentReturnSchedule,
  presentSecondmentsPage,
  presentSecondmentTotals,
} from "../../src/modules/commitments/presenters-secondments.ts";
import { CommitmentsLinks } from "../ui/commitments/CommitmentsLinks.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { day, decimal, euros } from "../ui/commitments/format.ts";
import { useI18n } from "../ui/i18n.ts";
import { ButtonLink } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/commitments-secondments";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** The secondments' totals by funding source and home organisation, and the return schedule by month. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    totals: presentSecondmentTotals(await services.secondments.totals(caller)),
    schedule: presentReturnSchedule(await services.secondments.returnSchedule(caller)),
    people: presentSecondmentsPage(await services.secondments.list(caller, { cursor, limit: 100 })),
    canManage: allows(commitmentsPolicy.manageSecondments, caller.actor),
  }));
}

export default function CommitmentsSecondments({ loaderData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { totals, schedule, people, canManage } = loaderData;
  const { search } = useLocation();
  const fte = (value: string) => decimal(locale, value);
  return (
    <div className="stack">
      <title>{`${t("commitments.page.secondments")} – ${t("app.name")}`}</title>
      <PageTitle
        lead={t("commitments.page.secondmentsLead", {
          people: String(totals.total.people),
          fte: fte(totals.total.fte),
        })}
        actions={
          <>
            {canManage && (
              <ButtonLink variant="primary" to="/commitments/secondments/new">
                {t("commitments.form.newSecondment")}
              </ButtonLink>
            )}
            <CommitmentsLinks />
          </>
        }
      >
        {t("commitments.page.secondments")}
      </PageTitle>
      <section aria-labelledby="by-funding" className="stack">
        <Heading level={2} id="by-funding">
          {t("commitments.page.byFunding")}
        </Heading>
        <DataTable
          caption={t("commitments.page.byFunding")}
          captionHidden
          rowHeader
          columns={[
            {
              key: "source",
              header: t("commitments.page.funding"),
              cell: (f) => t(`commitments.funding.${f.fundingSource}`),
            },
            { key: "people", header: t("commitments.page.people"), cell: (f) => String(f.people), align: "end" },
            { key: "fte", header: t("commitments.page.fte"), cell: (f) => fte(f.fte), align: "end" },
            {
              key: "cost",
              header: t("commitments.page.monthlyCost"),
              cell: (f) => euros(locale, f.monthlyCostCents),
              align: "end",
            },
          ]}
          rows={totals.byFundingSource}
          rowKey={(f) => f.fundingSource}
          emptyText={t("commitments.page.noSecondments")}
        />
      </section>
      <section aria-labelledby="by-organisation" className="stack">
        <Heading level={2} id="by-organisation">
          {t("commitments.page.byOrganisation")}
        </Heading>
        <DataTable
          caption={t("commitments.page.byOrganisation")}
          captionHidden
          rowHeader
          columns={[
            { key: "organisation", header: t("commitments.page.organisation"), cell: (o) => o.organisation },
            { key: "people", header: t("commitments.page.people"), cell: (o) => String(o.people), align: "end" },
            { key: "fte", header: t("commitments.page.fte"), cell: (o) => fte(o.fte), align: "end" },
          ]}
          rows={totals.byOrganisation}
          rowKey={(o) => o.organisation}
          emptyText={t("commitments.page.noSecondments")}
        />
      </section>
      <section aria-labelledby="everyone" className="stack">
        <Heading level={2} id="everyone">
          {t("commitments.edit.everyone")}
        </Heading>
        <DataTable
          caption={t("commitments.edit.everyone")}
          captionHidden
          rowHeader
          columns={[
            { key: "person", header: t("commitments.page.person"), cell: (s) => s.personName },
            { key: "home", header: t("commitments.page.organisation"), cell: (s) => s.homeOrganisationName },
            {
              key: "share",
              header: t("commitments.edit.share"),
              cell: (s) => `${s.sharePercent} %`,
              align: "end",
            },
            { key: "fte", header: t("commitments.page.fte"), cell: (s) => fte(s.fte), align: "end" },
            {
              key: "period",
              header: t("commitments.edit.period"),
              cell: (s) => `${day(locale, s.startDate)}–${day(locale, s.agreedEndDate)}`,
            },
            {
              key: "funding",
              header: t("commitments.page.funding"),
              cell: (s) => t(`commitments.funding.${s.fundingSource}`),
            },
            ...(canManage
              ? [
                  {
                    key: "edit",
                    header: t("commitments.form.actions"),
                    cell: (s: (typeof people.items)[number]) => (
                      <a
                        href={`/commitments/secondments/${s.id}/edit`}
                        aria-label={t("commitments.edit.secondmentLink", { name: s.personName })}
                      >
                        {t("commitments.edit.link")}
                      </a>
                    ),
                  },
                ]
              : []),
          ]}
          rows={people.items}
          rowKey={(s) => s.id}
          emptyText={t("commitments.page.noSecondments")}
          nextPageHref={people.nextCursor ? pageHref(search, people.nextCursor) : undefined}
        />
      </section>
      <section aria-labelledby="returns" className="stack">
        <Heading level={2} id="returns">
          {t("commitments.page.returns")}
        </Heading>
        {schedule.months.length === 0 && <p>{t("commitments.page.noSecondments")}</p>}
        {schedule.months.map((m) => (
          <section key={m.month} aria-labelledby={`month-${m.month}`} className="stack">
            <Heading level={3} id={`month-${m.month}`}>
              {t("commitments.page.month", {
                month: m.month.split("-").reverse().join("/"),
                people: String(m.people),
                fte: fte(m.fte),
              })}
            </Heading>
            <DataTable
              caption={t("commitments.page.month", {
                month: m.month.split("-").reverse().join("/"),
                people: String(m.people),
                fte: fte(m.fte),
              })}
              captionHidden
              rowHeader
              columns={[
                { key: "person", header: t("commitments.page.person"), cell: (r) => r.personName },
                { key: "home", header: t("commitments.page.organisation"), cell: (r) => r.homeOrganisationName },
                { key: "date", header: t("commitments.page.returnDate"), cell: (r) => day(locale, r.returnDate) },
                { key: "fte", header: t("commitments.page.fte"), cell: (r) => fte(r.fte), align: "end" },
                {
                  key: "chain",
                  header: t("commitments.page.chain"),
                  cell: (r) =>
                    r.substitutes.length === 0
                      ? "–"
                      : r.substitutes.map((s) => (s.post ? `${s.name}, ${s.post}` : s.name)).join(" → "),
                },
              ]}
              rows={m.returns}
              rowKey={(r) => r.secondmentId}
              emptyText={t("commitments.page.noSecondments")}
            />
          </section>
        ))}
      </section>
    </div>
  );
}
