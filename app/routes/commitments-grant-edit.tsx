import { Form, redirect } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { allows } from "../../src/core/policy.ts";
import { commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import { presentGrant } from "../../src/modules/commitments/presenters-grants.ts";
import { submittedOf } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { decimal, decimalCents } from "../ui/commitments/format.ts";
import { GrantFields } from "../ui/commitments/GrantFields.tsx";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeeping, FormReader, grantFromForm } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/commitments-grant-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/**
 * Changing a grant (staff): its amount, own share, eligibility period and cut-off dates. Every cost entry is then
 * decided again by the service, so each shows the rule that decides it now.
 */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => {
    if (!allows(commitmentsPolicy.manageGrants, caller.actor)) throw new AppError("FORBIDDEN");
    return { grant: presentGrant(await services.grants.get(caller, params.id)) };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const reader = new FormReader(form, caller.locale);
  return attemptKeeping(caller.locale, form, async () => {
    // The form does not show a cut-off's label: a changed date keeps the stored one.
    const stored = await services.grants.get(caller, params.id);
    const labels = Object.fromEntries(stored.cutOffs.map((c) => [c.kind, c.label]));
    const input = grantFromForm(reader, labels);
    reader.check();
    await services.grants.update(caller, params.id, input);
    return redirect(`/commitments/grants/${params.id}`);
  });
}

export default function CommitmentsGrantEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const error = errorOf(actionData);
  const { grant: g } = loaderData;
  return (
    <div className="stack narrow-wide">
      <title>{`${t("commitments.edit.grant")}: ${g.name} – ${t("app.name")}`}</title>
      <PageTitle lead={g.name}>{t("commitments.edit.grant")}</PageTitle>
      <p>{t("commitments.edit.grantHint")}</p>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <GrantFields
          values={{
            ...g,
            amount: decimalCents(locale, g.amountCents),
            paid: decimalCents(locale, g.paidCents),
            ownSharePercent: decimal(locale, g.ownSharePercent),
          }}
          error={error}
          submitted={submittedOf(actionData)}
        />
        <div className="form-actions">
          <Button>{t("commitments.form.saveGrant")}</Button>
          <ButtonLink to={`/commitments/grants/${g.id}`}>{t("commitments.form.cancel")}</ButtonLink>
        </div>
      </Form>
    </div>
  );
}
