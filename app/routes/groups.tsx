import { Form, redirect } from "react-router";
import { allows } from "../../src/core/policy.ts";
import { deliverablesPolicy } from "../../src/modules/deliverables/policy.ts";
import { groupsPolicy } from "../../src/modules/groups/policy.ts";
import { presentGroupSummary } from "../../src/modules/groups/presenters.ts";
import { presentPersonChoice } from "../../src/modules/people/presenters.ts";
import { templatesPolicy } from "../../src/modules/templates/policy.ts";
import { ErrorSummary, errorOf, fieldError, Select } from "../ui/forms.tsx";
import { roleLabel } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/groups";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  return load(async () => {
    const canCreate = allows(groupsPolicy.createGroups, caller.actor);
    return {
      groups: (await services.groups.list(caller)).map(presentGroupSummary),
      people: canCreate ? (await services.people.listPeople(caller)).map(presentPersonChoice) : [],
      canCreate,
      canCoordinate: allows(deliverablesPolicy.coordinate, caller.actor),
      canManageTemplates: allows(templatesPolicy.manageTemplates, caller.actor),
    };
  });
}

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    const group = await context.services.groups.create(context.caller, fields);
    return redirect(`/groups/${group.slug}`);
  });
}

export default function Groups({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { groups, people, canCreate, canCoordinate, canManageTemplates } = loaderData;
  const error = errorOf(actionData);
  const personOptions = [
    { value: "", label: t("groups.nobody") },
    ...people.map((p) => ({ value: p.id, label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name })),
  ];
  return (
    <div className="stack">
      <title>{`${t("groups.title")} – ${t("app.name")}`}</title>
      <h1>{t("groups.title")}</h1>
      <p className="lead">{t("groups.lead")}</p>
      <nav aria-label={t("groups.moreLinks")}>
        <ul className="link-list">
          <li>
            <a href="/timeline">{t("groups.timelineLink")}</a>
          </li>
          {canCoordinate && (
            <li>
              <a href="/groups/coordination">{t("groups.coordinationLink")}</a>
            </li>
          )}
          {canManageTemplates && (
            <li>
              <a href="/admin/templates">{t("groups.templatesLink")}</a>
            </li>
          )}
        </ul>
      </nav>
      {groups.length === 0 ? (
        <p>{t("groups.none")}</p>
      ) : (
        <div className="table-wrap">
          <table className="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t("groups.name")}</th>
                <th scope="col">{t("groups.theme")}</th>
                <th scope="col">{t("groups.role.convener")}</th>
                <th scope="col">{t("groups.members")}</th>
                <th scope="col">{t("groups.myRole")}</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id}>
                  <td data-label={t("groups.name")}>
                    <a href={`/groups/${g.slug}`}>{g.name}</a>
                    {g.isPublic && <span className="muted"> ({t("groups.public")})</span>}
                  </td>
                  <td data-label={t("groups.theme")}>{g.theme}</td>
                  <td data-label={t("groups.role.convener")}>{g.convener ?? "–"}</td>
                  <td data-label={t("groups.members")}>{t("groups.memberCount", { count: g.memberCount })}</td>
                  <td data-label={t("groups.myRole")}>{g.myRole ? roleLabel(t, g.myRole) : t("groups.notInGroup")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canCreate && (
        <section aria-labelledby="new-group" className="narrow stack">
          <h2 id="new-group">{t("groups.newGroup")}</h2>
          <ErrorSummary error={error} labels={{ name: t("groups.name") }} />
          <Form method="post" className="stack">
            <TextField name="name" label={t("groups.name")} error={error} required />
            <TextField name="theme" label={t("groups.theme")} error={error} optional />
            <TextArea name="description" label={t("groups.description")} error={error} optional />
            {(["convener", "chair", "secretary"] as const).map((role) => (
              <Select
                key={role}
                name={`${role}Id`}
                label={t(`groups.role.${role}`)}
                options={personOptions}
                error={fieldError(error, `${role}Id`)}
              />
            ))}
            <label className="choice-option">
              <input type="checkbox" name="isPublic" value="true" /> {t("groups.isPublic")}
            </label>
            <div className="form-actions">
              <button type="submit" className="button-primary">
                {t("groups.create")}
              </button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
