import { Form, redirect, useLocation } from "react-router";
import { allows } from "../../src/core/policy.ts";
import { deliverablesPolicy } from "../../src/modules/deliverables/policy.ts";
import { groupsPolicy } from "../../src/modules/groups/policy.ts";
import { presentGroupsPage } from "../../src/modules/groups/presenters.ts";
import { presentPersonChoice } from "../../src/modules/people/presenters.ts";
import { templatesPolicy } from "../../src/modules/templates/policy.ts";
import { ErrorSummary, errorOf, fieldError, Select } from "../ui/forms.tsx";
import { roleLabel } from "../ui/groups/labels.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/groups";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  // Keyset pages by name: ?cursor= from the previous page's "Next page" link.
  const cursor = readCursor(new URL(request.url).searchParams);
  return load(async () => {
    const canCreate = allows(groupsPolicy.createGroups, caller.actor);
    return {
      groups: presentGroupsPage(await services.groups.list(caller, { cursor })),
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
  const { search } = useLocation();
  const columns: DataTableColumn<(typeof groups.items)[number]>[] = [
    {
      key: "name",
      header: t("groups.name"),
      cell: (g) => (
        <>
          <a href={`/groups/${g.slug}`}>{g.name}</a>
          {g.isPublic && <span className="muted"> ({t("groups.public")})</span>}
        </>
      ),
    },
    { key: "theme", header: t("groups.theme"), cell: (g) => g.theme },
    { key: "convener", header: t("groups.role.convener"), cell: (g) => g.convener ?? "–" },
    { key: "members", header: t("groups.members"), cell: (g) => t("groups.memberCount", { count: g.memberCount }) },
    {
      key: "myRole",
      header: t("groups.myRole"),
      cell: (g) => (g.myRole ? roleLabel(t, g.myRole) : t("groups.notInGroup")),
    },
  ];
  const personOptions = [
    { value: "", label: t("groups.nobody") },
    ...people.map((p) => ({ value: p.id, label: p.organisationName ? `${p.name} (${p.organisationName})` : p.name })),
  ];
  return (
    <div className="stack">
      <title>{`${t("groups.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("groups.lead")}>{t("groups.title")}</PageTitle>
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
      <DataTable
        caption={t("groups.title")}
        captionHidden
        rowHeader
        columns={columns}
        rows={groups.items}
        rowKey={(g) => g.id}
        emptyText={t("groups.none")}
        nextPageHref={groups.nextCursor ? pageHref(search, groups.nextCursor) : undefined}
      />
      {canCreate && (
        <section aria-labelledby="new-group" className="narrow stack">
          <Heading level={2} id="new-group">
            {t("groups.newGroup")}
          </Heading>
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
              <Button>{t("groups.create")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
