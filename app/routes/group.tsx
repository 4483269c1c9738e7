import { Form, redirect } from "react-router";
import { localeName, locales } from "../../src/i18n/locale.ts";
import { presentGroupDetail } from "../../src/modules/groups/presenters.ts";
import { presentTemplateSummary } from "../../src/modules/templates/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Select } from "../ui/forms.tsx";
import { DeadlineText, roleLabel, StatusTag, useLocalised } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields } from "../web/actions.server.ts";
import { loadOrSignIn } from "../web/groups.server.ts";
import type { Route } from "./+types/group";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { caller, services } = context;
  return loadOrSignIn(request, async () => {
    const detail = presentGroupDetail(await services.groups.getBySlug(caller, params.slug));
    const templates = detail.canWork ? await services.deliverableTemplates.list(caller) : [];
    return { ...detail, templates: templates.map(presentTemplateSummary) };
  });
}

export async function action({ context, request, params }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    const group = await context.services.groups.getBySlug(context.caller, params.slug);
    const deliverable = await context.services.deliverables.create(context.caller, group.group.id, fields);
    return redirect(`/d/${deliverable.id}`);
  });
}

export default function Group({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const localised = useLocalised();
  const { group, members, deliverables, canManage, canWork, templates } = loaderData;
  const error = errorOf(actionData);
  return (
    <div className="stack">
      <title>{`${group.name} – ${t("app.name")}`}</title>
      <p>
        <a href="/groups">← {t("groups.title")}</a>
      </p>
      <h1>{group.name}</h1>
      {group.theme && <p className="lead">{group.theme}</p>}
      {group.description && <p className="keep-lines">{group.description}</p>}
      <ul className="link-list">
        {group.wallSlug && (
          <li>
            <a href={`/w/${group.wallSlug}`}>{t("groups.openWall")}</a>
          </li>
        )}
        {canManage && (
          <li>
            <a href={`/groups/${group.slug}/settings`}>{t("groups.settings")}</a>
          </li>
        )}
      </ul>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("groups.members")}</h2>
        {members.length === 0 ? (
          <p>{t("groups.noMembers")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">{t("groups.name")}</th>
                  <th scope="col">{t("groups.role")}</th>
                  <th scope="col">{t("groups.organisation")}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m, i) => (
                  // Only managers get members' ids; the list's order is stable, so its position is the key.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={i}>
                    <td data-label={t("groups.name")}>
                      {m.name}
                      {m.title && <span className="muted">, {m.title}</span>}
                    </td>
                    <td data-label={t("groups.role")}>{roleLabel(t, m.role)}</td>
                    <td data-label={t("groups.organisation")}>{m.organisation ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="deliverables-title">
        <h2 id="deliverables-title">{t("groups.deliverables")}</h2>
        {deliverables.length === 0 ? (
          <p>{t("groups.noDeliverables")}</p>
        ) : (
          <div className="table-wrap">
            <table className="data stack-on-phone">
              <thead>
                <tr>
                  <th scope="col">{t("groups.deliverableTitle")}</th>
                  <th scope="col">{t("groups.status")}</th>
                  <th scope="col">{t("groups.nextDeadline")}</th>
                </tr>
              </thead>
              <tbody>
                {deliverables.map((d) => (
                  <tr key={d.id}>
                    <td data-label={t("groups.deliverableTitle")}>
                      <a href={`/d/${d.id}`}>{d.title}</a>
                      {canWork && d.isPublic && <span className="muted"> ({t("groups.public")})</span>}
                    </td>
                    <td data-label={t("groups.status")}>
                      <StatusTag status={d.status} />
                    </td>
                    <td data-label={t("groups.nextDeadline")}>
                      <DeadlineText deadline={d.nextDeadline} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {canWork && templates.length > 0 && (
        <section aria-labelledby="new-deliverable" className="narrow stack">
          <h2 id="new-deliverable">{t("groups.newDeliverable")}</h2>
          <ErrorSummary error={error} />
          <Form method="post" className="stack">
            <Select
              name="templateId"
              label={t("groups.template")}
              options={templates.map((tpl) => ({ value: tpl.id, label: localised(tpl.name) }))}
              error={fieldError(error, "templateId")}
            />
            <TextField
              name="title"
              label={t("groups.deliverableTitle")}
              hintText={t("groups.deliverableTitleHint")}
              error={error}
              optional
            />
            <Select
              name="locale"
              label={t("groups.language")}
              hint={t("groups.languageHint")}
              options={locales.map((l) => ({ value: l, label: localeName[l] }))}
              defaultValue={locale}
            />
            <div className="form-actions">
              <button type="submit" className="button-primary">
                {t("groups.createDeliverable")}
              </button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
