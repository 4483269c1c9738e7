import { Form } from "react-router";
import { presentOrganisation, presentPerson } from "../../src/modules/people/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { localeOptions, organisationOptions, roleOptions } from "../ui/options.ts";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.person";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  return load(async () => ({
    person: presentPerson(await services.people.getPersonForEditing(caller, params.id)),
    organisations: (await services.people.listOrganisations(caller)).map(presentOrganisation),
  }));
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    await context.services.people.updatePerson(context.caller, params.id, fields);
    return { saved: true };
  });
}

export default function PersonEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { person, organisations } = loaderData;
  const error = errorOf(actionData);
  return (
    <div className="narrow stack">
      <title>{`${t("people.editTitle", { name: person.name })} – ${t("app.name")}`}</title>
      <p>
        <a href="/admin/people">← {t("people.title")}</a>
      </p>
      <PageTitle>{t("people.editTitle", { name: person.name })}</PageTitle>
      {actionData && "saved" in actionData && <Notice>{t("people.saved")}</Notice>}
      <ErrorSummary error={error} />
      <p>
        {t("people.email")}: {person.email}
      </p>
      <Form method="post" className="stack">
        <TextField name="name" label={t("people.name")} defaultValue={person.name} error={error} />
        <TextField
          name="title"
          label={t("people.personTitle")}
          defaultValue={person.title ?? ""}
          optional
          error={error}
        />
        <Select
          name="organisationId"
          label={t("people.organisation")}
          options={organisationOptions(t, organisations)}
          defaultValue={person.organisationId ?? ""}
          error={fieldError(error, "organisationId")}
        />
        <Select
          name="role"
          label={t("people.role")}
          options={roleOptions(t)}
          defaultValue={person.role}
          error={error}
        />
        <Select
          name="locale"
          label={t("people.language")}
          options={localeOptions()}
          defaultValue={person.locale}
          error={error}
        />
        <div className="form-actions">
          <Button>{t("people.save")}</Button>
        </div>
      </Form>
    </div>
  );
}
