import { Form } from "react-router";
import { presentOrganisation } from "../../src/modules/people/presenters.ts";
import { startValues, submittedOf } from "../ui/commitments/ContractFields.tsx";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { kindOptions } from "../ui/options.ts";
import { TextField } from "../ui/TextField.tsx";
import { fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import { attemptKeeping } from "../web/commitments-form.server.ts";
import type { Route } from "./+types/admin.organisation";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => ({
    organisation: presentOrganisation(
      await context.services.people.getOrganisationForEditing(context.caller, params.id),
    ),
  }));
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const form = await request.formData();
  // A refusal gives back what was typed, so that without JavaScript the page comes back filled in as it was sent.
  return attemptKeeping(context.caller.locale, form, async () => {
    await context.services.people.updateOrganisation(context.caller, params.id, fieldsOf(form));
    return { saved: true };
  });
}

export default function OrganisationEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { organisation } = loaderData;
  const error = errorOf(actionData);
  // After a refusal the fields show what was sent, not the saved values.
  const start = startValues(submittedOf(actionData));
  return (
    <div className="narrow stack">
      <title>{`${t("organisations.editTitle", { name: organisation.name })} – ${t("app.name")}`}</title>
      <p>
        <a href="/admin/organisations">← {t("organisations.title")}</a>
      </p>
      <PageTitle>{t("organisations.editTitle", { name: organisation.name })}</PageTitle>
      {actionData && "saved" in actionData && <Notice>{t("organisations.saved")}</Notice>}
      <ErrorSummary error={error} />
      <Form method="post" className="stack">
        <TextField
          name="name"
          label={t("organisations.name")}
          defaultValue={start.text("name", organisation.name)}
          error={error}
        />
        <Select
          name="kind"
          label={t("organisations.kind")}
          options={kindOptions(t)}
          defaultValue={start.text("kind", organisation.kind)}
          error={fieldError(error, "kind")}
        />
        <div className="form-actions">
          <Button>{t("organisations.save")}</Button>
        </div>
      </Form>
    </div>
  );
}
