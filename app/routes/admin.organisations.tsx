import { Form } from "react-router";
import { Button, Heading, Paragraph } from "suomifi-ui-components";
import { allows } from "../../src/core/policy.ts";
import { peoplePolicy } from "../../src/modules/people/policy.ts";
import { presentOrganisation } from "../../src/modules/people/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { kindOptions } from "../ui/options.ts";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.organisations";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  return load(async () => ({
    organisations: (await services.people.listOrganisations(caller)).map(presentOrganisation),
    canManage: allows(peoplePolicy.manageOrganisations, caller.actor),
  }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    const created = await context.services.people.createOrganisation(context.caller, fields);
    return { created: created.name };
  });
}

export default function Organisations({ loaderData, actionData }: Route.ComponentProps) {
  const { t, number } = useI18n();
  const { organisations, canManage } = loaderData;
  const error = errorOf(actionData);
  const created = actionData && "created" in actionData ? actionData.created : null;
  return (
    <div className="stack">
      <title>{`${t("organisations.title")} – ${t("app.name")}`}</title>
      <Heading variant="h1">{t("organisations.title")}</Heading>
      <Paragraph className="lead">{t("organisations.lead")}</Paragraph>
      {organisations.length === 0 ? (
        <Paragraph>{t("organisations.empty")}</Paragraph>
      ) : (
        <div className="table-wrap">
          <table className="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("organisations.name")}</th>
                <th scope="col">{t("organisations.kind")}</th>
                <th scope="col">{t("organisations.members")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <td data-label={t("organisations.name")}>
                    {canManage ? <a href={`/admin/organisations/${o.id}`}>{o.name}</a> : o.name}
                  </td>
                  <td data-label={t("organisations.kind")}>{t(`organisationKinds.${o.kind}`)}</td>
                  <td data-label={t("organisations.members")}>{number(o.memberCount ?? 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canManage && (
        <section aria-labelledby="new-org-title" className="narrow stack">
          <Heading variant="h2" id="new-org-title">
            {t("organisations.new")}
          </Heading>
          {created && <Notice>{t("organisations.created", { name: created })}</Notice>}
          <ErrorSummary error={error} labels={{ name: t("organisations.name"), kind: t("organisations.kind") }} />
          <Form method="post" className="stack" key={created ?? "new"}>
            <TextField name="name" label={t("organisations.name")} error={error} />
            <Select
              name="kind"
              label={t("organisations.kind")}
              options={kindOptions(t)}
              error={fieldError(error, "kind")}
            />
            <div className="form-actions">
              <Button type="submit">{t("organisations.create")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
