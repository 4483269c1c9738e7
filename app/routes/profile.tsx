import { Form } from "react-router";
import { presentPerson } from "../../src/modules/people/presenters.ts";
import { ErrorSummary, errorOf, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { localeOptions } from "../ui/options.ts";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/profile";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  return load(async () => ({ person: presentPerson(await services.people.getOwnProfile(caller)) }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    await context.services.people.updateOwnProfile(context.caller, fields);
    return { saved: true };
  });
}

export default function Profile({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { person } = loaderData;
  const error = errorOf(actionData);
  return (
    <div className="narrow stack">
      <title>{`${t("profile.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t("profile.title")}</PageTitle>
      {actionData && "saved" in actionData && <Notice>{t("profile.saved")}</Notice>}
      <ErrorSummary error={error} />
      <dl>
        <dt>{t("people.email")}</dt>
        <dd>{person.email}</dd>
        <dt>{t("people.organisation")}</dt>
        <dd>{person.organisationName ?? t("people.noOrganisation")}</dd>
        <dt>{t("people.role")}</dt>
        <dd>{t(`roles.${person.role}`)}</dd>
      </dl>
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
          name="locale"
          label={t("people.language")}
          options={localeOptions()}
          defaultValue={person.locale}
          hint={t("profile.languageHint")}
          error={error}
        />
        <div className="form-actions">
          <Button>{t("people.save")}</Button>
        </div>
      </Form>
    </div>
  );
}
