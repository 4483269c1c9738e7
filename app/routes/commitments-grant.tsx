import { Form, useLocation } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { allows } from "../../src/core/policy.ts";
import { commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import { presentCostsPage, presentGrant } from "../../src/modules/commitments/presenters-grants.ts";
import { CommitmentsLinks } from "../ui/commitments/CommitmentsLinks.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { day, decimal, euros } from "../ui/commitments/format.ts";
import { CostFields } from "../ui/commitments/GrantFields.tsx";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonAnchor, ButtonLink } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { load, requireSignIn } from "../web/actions.server.ts";
import { costFromForm, FormReader } from "../web/commitments-form.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/commitments-grant";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** One grant: its figures, its cost entries with the rule that decided each, the report downloads. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    grant: presentGrant(await services.grants.get(caller, params.id)),
    costs: presentCostsPage(await services.grants.listCosts(caller, params.id, { cursor, limit: 100 })),
    canManage: allows(commitmentsPolicy.manageGrants, caller.actor),
  }));
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const r = new FormReader(await request.formData(), caller.locale);
  const intent = r.text("intent");
  return attemptForm(caller.locale, intent, async () => {
    if (intent === "cost") {
      const input = costFromForm(r);
      r.check();
      await services.grants.addCost(caller, params.id, input);
      return { saved: intent };
    }
    if (intent === "removeCost") {
      await services.grants.removeCost(caller, r.text("costId"));
      return { saved: intent };
    }
    throw new AppError("MALFORMED_BODY");
  });
}

export default function CommitmentsGrant({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const { grant: g, costs, canManage } = loaderData;
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const errorFor = (intent: string) => (failed === intent ? error : undefined);
  const figures: [string, string][] = [
    [t("commitments.report.decisionNumber"), g.decisionNumber || "–"],
    [t("commitments.report.funding"), t(`commitments.funding.${g.fundingSource}`)],
    [t("commitments.report.period"), `${day(locale, g.eligibleFrom)}–${day(locale, g.eligibleTo)}`],
    ...g.cutOffs.map((c): [string, string] => [
      t("commitments.form.cutOff", { kind: t(`commitments.cutOff.${c.kind}`) }),
      day(locale, c.date),
    ]),
    [t("commitments.report.amount"), euros(locale, g.amountCents)],
    [t("commitments.report.paid"), euros(locale, g.paidCents)],
    [t("commitments.report.ownShare"), `${decimal(locale, g.ownSharePercent)} %`],
    [t("commitments.report.totalCosts"), euros(locale, g.summary.totalCents)],
    [t("commitments.report.eligibleCosts"), euros(locale, g.summary.eligibleCents)],
    [t("commitments.report.ineligibleCosts"), euros(locale, g.summary.ineligibleCents)],
    [t("commitments.report.ownShareCents"), euros(locale, g.summary.ownShareCents)],
    [t("commitments.report.grantUsed"), euros(locale, g.summary.grantUsedCents)],
    [t("commitments.report.remaining"), euros(locale, g.summary.remainingCents)],
    [t("commitments.report.toReturn"), euros(locale, g.summary.toReturnCents)],
  ];
  return (
    <div className="stack">
      <title>{`${g.name} – ${t("app.name")}`}</title>
      <PageTitle
        lead={t("commitments.form.grantLead")}
        actions={
          <>
            {canManage && (
              <ButtonLink to={`/commitments/grants/${g.id}/edit`}>{t("commitments.edit.grant")}</ButtonLink>
            )}
            <CommitmentsLinks />
          </>
        }
      >
        {g.name}
      </PageTitle>
      {actionData && "saved" in actionData && <Notice>{t("commitments.form.saved")}</Notice>}
      <dl className="commitments-facts">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section aria-labelledby="report" className="stack">
        <Heading level={2} id="report">
          {t("commitments.form.reportDownloads")}
        </Heading>
        <div className="form-actions">
          <ButtonAnchor href={g.reportUrls.docx} download>
            {t("commitments.form.reportDocx")}
          </ButtonAnchor>
          <ButtonAnchor href={g.reportUrls.xlsx} download>
            {t("commitments.form.reportXlsx")}
          </ButtonAnchor>
          <ButtonAnchor href={g.reportUrls.csv} download>
            {t("commitments.form.reportCsv")}
          </ButtonAnchor>
        </div>
      </section>
      <section aria-labelledby="costs" className="stack">
        <Heading level={2} id="costs">
          {t("commitments.report.sheet.entries")}
        </Heading>
        <ErrorSummary error={errorFor("removeCost")} />
        <DataTable
          caption={t("commitments.report.sheet.entries")}
          captionHidden
          rowHeader
          columns={[
            { key: "description", header: t("commitments.report.column.description"), cell: (c) => c.description },
            { key: "date", header: t("commitments.report.column.costDate"), cell: (c) => day(locale, c.costDate) },
            {
              key: "category",
              header: t("commitments.report.column.category"),
              cell: (c) => t(`commitments.costCategory.${c.category}`),
            },
            {
              key: "commitment",
              header: t("commitments.report.column.commitmentDate"),
              cell: (c) => day(locale, c.commitmentDate),
            },
            {
              key: "amount",
              header: t("commitments.form.amount"),
              align: "end",
              cell: (c) => euros(locale, c.amountCents),
            },
            {
              key: "eligible",
              header: t("commitments.report.column.eligible"),
              cell: (c) => t(c.eligible ? "commitments.report.yes" : "commitments.report.no"),
            },
            { key: "rule", header: t("commitments.report.column.rule"), cell: (c) => t(`commitments.rule.${c.rule}`) },
            ...(canManage
              ? [
                  {
                    key: "remove",
                    header: t("commitments.form.actions"),
                    cell: (c: (typeof costs.items)[number]) => (
                      <div className="form-actions">
                        <a
                          href={`/commitments/costs/${c.id}/edit`}
                          aria-label={t("commitments.edit.costLink", { name: c.description })}
                        >
                          {t("commitments.edit.link")}
                        </a>
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="removeCost" />
                          <input type="hidden" name="costId" value={c.id} />
                          <Button
                            variant="secondary"
                            aria-label={t("commitments.form.removeCost", { name: c.description })}
                          >
                            {t("commitments.form.remove")}
                          </Button>
                        </Form>
                      </div>
                    ),
                  },
                ]
              : []),
          ]}
          rows={costs.items}
          rowKey={(c) => c.id}
          emptyText={t("commitments.form.noCosts")}
          nextPageHref={costs.nextCursor ? pageHref(search, costs.nextCursor) : undefined}
        />
      </section>
      {canManage && (
        <FieldIdScope prefix="cost">
          <section aria-labelledby="add-cost" className="stack narrow">
            <Heading level={2} id="add-cost">
              {t("commitments.form.addCost")}
            </Heading>
            <p>{t("commitments.form.addCostHint")}</p>
            <ErrorSummary error={errorFor("cost")} />
            <Form method="post" className="stack" key={costs.items.length}>
              <input type="hidden" name="intent" value="cost" />
              <CostFields values={{}} error={errorFor("cost")} />
              <div className="form-actions">
                <Button>{t("commitments.form.addCost")}</Button>
              </div>
            </Form>
          </section>
        </FieldIdScope>
      )}
    </div>
  );
}
