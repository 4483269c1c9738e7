import { Form, redirect } from "react-router";
import { localeName, locales } from "../../src/i18n/locale.ts";
import { presentGroupDetail } from "../../src/modules/groups/presenters.ts";
import { presentTemplateSummary } from "../../src/modules/templates/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Select } from "../ui/forms.tsx";
import { DeadlineText, roleLabel, StatusTag, useLocalised } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
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
  const memberColumns: DataTableColumn<(typeof members)[number]>[] = [
    {
      key: "name",
      header: t("groups.name"),
      cell: (m) => (
        <>
          {m.name}
          {m.title && <span className="muted">, {m.title}</span>}
        </>
      ),
    },
    { key: "role", header: t("groups.role"), cell: (m) => roleLabel(t, m.role) },
    { key: "organisation", header: t("groups.organisation"), cell: (m) => m.organisation ?? "–" },
  ];
  const deliverableColumns: DataTableColumn<(typeof deliverables)[number]>[] = [
    {
      key: "title",
      header: t("groups.deliverableTitle"),
      cell: (d) => (
        <>
          <a href={`/d/${d.id}`}>{d.title}</a>
          {canWork && d.isPublic && <span className="muted"> ({t("groups.public")})</span>}
        </>
      ),
    },
    { key: "status", header: t("groups.status"), cell: (d) => <StatusTag status={d.status} /> },
    { key: "deadline", header: t("groups.nextDeadline"), cell: (d) => <DeadlineText deadline={d.nextDeadline} /> },
  ];
  return (
    <div className="stack">
      <title>{`${group.name} – ${t("app.name")}`}</title>
      <p>
        <a href="/groups">← {t("groups.title")}</a>
      </p>
      <PageTitle lead={group.theme || undefined}>{group.name}</PageTitle>
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
        <Heading level={2} id="members-title">
          {t("groups.members")}
        </Heading>
        <DataTable
          caption={t("groups.members")}
          captionHidden
          rowHeader
          columns={memberColumns}
          rows={members.map((m, index) => ({ ...m, index }))}
          // Only managers get members' ids; the list's order is stable, so its position is the key.
          rowKey={(m) => String(m.index)}
          emptyText={t("groups.noMembers")}
        />
      </section>

      <section aria-labelledby="deliverables-title">
        <Heading level={2} id="deliverables-title">
          {t("groups.deliverables")}
        </Heading>
        <DataTable
          caption={t("groups.deliverables")}
          captionHidden
          rowHeader
          columns={deliverableColumns}
          rows={deliverables}
          rowKey={(d) => d.id}
          emptyText={t("groups.noDeliverables")}
        />
      </section>

      {canWork && templates.length > 0 && (
        <section aria-labelledby="new-deliverable" className="narrow stack">
          <Heading level={2} id="new-deliverable">
            {t("groups.newDeliverable")}
          </Heading>
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
              <Button>{t("groups.createDeliverable")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
