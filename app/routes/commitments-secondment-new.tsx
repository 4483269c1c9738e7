import { Form, redirect } from "react-router";
import { submittedOf } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
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
import type { Route } from "./+types/commitments-secondment-new";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** A new secondment (staff): the person, their home organisation, share of working time, FTE, dates, costs. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(() => secondmentFormChoices(context));
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const form = await request.formData();
  const reader = new FormReader(form, caller.locale);
  return attemptKeeping(caller.locale, form, async () => {
    const input = secondmentFromForm(reader);
    reader.check();
    await services.secondments.create(caller, input);
    return redirect("/commitments/secondments");
  });
}

export default function CommitmentsSecondmentNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const { people, organisations, agreements } = loaderData;
  return (
    <div className="stack narrow-wide">
      <title>{`${t("commitments.form.newSecondment")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("commitments.form.newSecondmentLead")}>{t("commitments.form.newSecondment")}</PageTitle>
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <SecondmentFields
          values={{}}
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
