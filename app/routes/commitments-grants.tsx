import { Form, redirect } from "react-router";
import { allows } from "../../src/core/policy.ts";
import { commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import { presentGrant } from "../../src/modules/commitments/presenters-grants.ts";
import { CommitmentsLinks } from "../ui/commitments/CommitmentsLinks.tsx";
import { submittedOf } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { day, euros } from "../ui/commitments/format.ts";
import { GrantFields } from "../ui/commitments/GrantFields.tsx";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeeping, FormReader, grantFromForm } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/commitments-grants";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** The state grants with what is used, left and to return; staff add a grant here. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => ({
    grants: (await services.grants.list(caller)).map(presentGrant),
    canManage: allows(commitmentsPolicy.manageGrants, caller.actor),
  }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const r = new FormReader(form, caller.locale);
  return attemptKeeping(caller.locale, form, async () => {
    const input = grantFromForm(r);
    r.check();
    const view = await services.grants.create(caller, input);
    return redirect(`/commitments/grants/${view.grant.id}`);
  });
}

export default function CommitmentsGrants({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { grants, canManage } = loaderData;
  const error = errorOf(actionData);
  return (
    <div className="stack">
      <title>{`${t("commitments.form.grants")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("commitments.form.grantsLead")} actions={<CommitmentsLinks />}>
        {t("commitments.form.grants")}
      </PageTitle>
      <DataTable
        caption={t("commitments.form.grants")}
        captionHidden
        rowHeader
        columns={[
          {
            key: "name",
            header: t("commitments.report.grant"),
            cell: (g) => <a href={`/commitments/grants/${g.id}`}>{g.name}</a>,
          },
          {
            key: "period",
            header: t("commitments.report.period"),
            cell: (g) => `${day(locale, g.eligibleFrom)}–${day(locale, g.eligibleTo)}`,
          },
          {
            key: "amount",
            header: t("commitments.report.amount"),
            align: "end",
            cell: (g) => euros(locale, g.amountCents),
          },
          {
            key: "used",
            header: t("commitments.report.grantUsed"),
            align: "end",
            cell: (g) => euros(locale, g.summary.grantUsedCents),
          },
          {
            key: "remaining",
            header: t("commitments.report.remaining"),
            align: "end",
            cell: (g) => euros(locale, g.summary.remainingCents),
          },
          {
            key: "return",
            header: t("commitments.report.toReturn"),
            align: "end",
            cell: (g) => euros(locale, g.summary.toReturnCents),
          },
        ]}
        rows={grants}
        rowKey={(g) => g.id}
        emptyText={t("commitments.form.noGrants")}
      />
      {canManage && (
        <FieldIdScope prefix="grant">
          <section aria-labelledby="new-grant" className="stack narrow-wide">
            <Heading level={2} id="new-grant">
              {t("commitments.form.newGrant")}
            </Heading>
            <ErrorSummary error={error} />
            <Form method="post" className="stack">
              <GrantFields values={{}} error={error} submitted={submittedOf(actionData)} />
              <div className="form-actions">
                <Button>{t("commitments.form.saveGrant")}</Button>
              </div>
            </Form>
          </section>
        </FieldIdScope>
      )}
    </div>
  );
}
