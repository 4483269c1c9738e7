import { Form, redirect } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { allows } from "../../src/core/policy.ts";
import { commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import { presentCost, presentGrant } from "../../src/modules/commitments/presenters-grants.ts";
import { submittedOf } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { decimalCents } from "../ui/commitments/format.ts";
import { CostFields } from "../ui/commitments/GrantFields.tsx";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeeping, costFromForm, FormReader } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/commitments-cost-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** Changing a cost entry (staff); the service decides its eligibility again from what it now says. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => {
    if (!allows(commitmentsPolicy.manageGrants, caller.actor)) throw new AppError("FORBIDDEN");
    const cost = presentCost(await services.grants.getCost(caller, params.id));
    const grant = presentGrant(await services.grants.get(caller, cost.grantId));
    return { cost, grant: { id: grant.id, name: grant.name } };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const reader = new FormReader(form, caller.locale);
  return attemptKeeping(caller.locale, form, async () => {
    const input = costFromForm(reader);
    reader.check();
    const cost = await services.grants.updateCost(caller, params.id, input);
    return redirect(`/commitments/grants/${cost.grantId}`);
  });
}

export default function CommitmentsCostEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const error = errorOf(actionData);
  const { cost: c, grant } = loaderData;
  return (
    <div className="stack narrow">
      <title>{`${t("commitments.edit.cost")}: ${c.description} – ${t("app.name")}`}</title>
      <PageTitle lead={grant.name}>{t("commitments.edit.cost")}</PageTitle>
      <p>{t("commitments.edit.costDecided", { rule: t(`commitments.rule.${c.rule}`) })}</p>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <CostFields
          values={{ ...c, amount: decimalCents(locale, c.amountCents) }}
          error={error}
          submitted={submittedOf(actionData)}
        />
        <div className="form-actions">
          <Button>{t("commitments.edit.saveCost")}</Button>
          <ButtonLink to={`/commitments/grants/${grant.id}`}>{t("commitments.form.cancel")}</ButtonLink>
        </div>
      </Form>
    </div>
  );
}
