import { Form, redirect } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { allows } from "../../src/core/policy.ts";
import { commitmentsPolicy } from "../../src/modules/commitments/policy.ts";
import { presentDecision } from "../../src/modules/commitments/presenters-rampdown.ts";
import { submittedOf } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { DecisionFields } from "../ui/commitments/DecisionFields.tsx";
import { decimalCents } from "../ui/commitments/format.ts";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeeping, decisionFromForm, FormReader } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/commitments-decision-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** Changing a ramp-down decision (staff): what it is about stays; what was decided, when and by whom change. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  requireSignIn(request, caller.actor);
  return load(async () => {
    if (!allows(commitmentsPolicy.manageRampdown, caller.actor)) throw new AppError("FORBIDDEN");
    return { decision: presentDecision(await services.rampdown.getDecision(caller, params.id)) };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const reader = new FormReader(form, caller.locale);
  return attemptKeeping(caller.locale, form, async () => {
    const input = decisionFromForm(reader);
    reader.check();
    await services.rampdown.updateDecision(caller, params.id, input);
    return redirect("/commitments/rampdown");
  });
}

export default function CommitmentsDecisionEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const error = errorOf(actionData);
  const { decision: d } = loaderData;
  return (
    <div className="stack narrow">
      <title>{`${t("commitments.edit.decision")}: ${d.commitment.label} – ${t("app.name")}`}</title>
      <PageTitle lead={d.commitment.label}>{t("commitments.edit.decision")}</PageTitle>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <DecisionFields
          values={{ ...d, exitCost: decimalCents(locale, d.exitCostCents) }}
          error={error}
          submitted={submittedOf(actionData)}
        />
        <div className="form-actions">
          <Button>{t("commitments.edit.saveDecision")}</Button>
          <ButtonLink to="/commitments/rampdown">{t("commitments.form.cancel")}</ButtonLink>
        </div>
      </Form>
    </div>
  );
}
