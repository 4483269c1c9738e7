import { Form, redirect } from "react-router";
import { presentSecondment } from "../../src/modules/commitments/presenters-secondments.ts";
import { submittedOf } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { decimal, decimalCents } from "../ui/commitments/format.ts";
import { SecondmentFields } from "../ui/commitments/SecondmentFields.tsx";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load, requireSignIn } from "../web/actions.server.ts";
import {
  attemptKeeping,
  FormReader,
  secondmentFormChoices,
  secondmentFromForm,
} from "../web/commitments-form.server.ts";
import type { Route } from "./+types/commitments-secondment-edit";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** Changing a secondment (staff): every field, the planned return and the substitution chain at home. */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => {
    const choices = await secondmentFormChoices(context);
    return {
      secondment: presentSecondment(await context.services.secondments.get(context.caller, params.id)),
      ...choices,
    };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const reader = new FormReader(form, caller.locale);
  return attemptKeeping(caller.locale, form, async () => {
    const input = secondmentFromForm(reader);
    reader.check();
    await services.secondments.update(caller, params.id, input);
    return redirect("/commitments/secondments");
  });
}

export default function CommitmentsSecondmentEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const error = errorOf(actionData);
  const { secondment: s, people, organisations, agreements } = loaderData;
  return (
    <div className="stack narrow-wide">
      <title>{`${t("commitments.edit.secondment")}: ${s.personName} – ${t("app.name")}`}</title>
      <PageTitle lead={`${s.personName}, ${s.homeOrganisationName}`}>{t("commitments.edit.secondment")}</PageTitle>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <SecondmentFields
          values={{
            ...s,
            sharePercent: String(s.sharePercent),
            fte: decimal(locale, s.fte),
            salary: decimalCents(locale, s.salaryCents),
            sideCosts: decimalCents(locale, s.sideCostsCents),
          }}
          people={people}
          organisations={organisations}
          agreements={agreements}
          error={error}
          submitted={submittedOf(actionData)}
        />
        <div className="form-actions">
          <Button>{t("commitments.form.saveSecondment")}</Button>
          <ButtonLink to="/commitments/secondments">{t("commitments.form.cancel")}</ButtonLink>
        </div>
      </Form>
    </div>
  );
}
