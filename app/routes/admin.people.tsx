import { Form, useLocation, useNavigation } from "react-router";
import { canInvitePeople } from "../../src/modules/accounts/policy.ts";
import { presentInvitation } from "../../src/modules/accounts/presenters.ts";
import { canManagePeople } from "../../src/modules/people/policy.ts";
import { presentOrganisation, presentPerson } from "../../src/modules/people/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref } from "../ui/kit/table-query.ts";
import { localeOptions, organisationOptions, roleOptions } from "../ui/options.ts";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.people";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  // What to show; the services enforce the same policy entries.
  const canInvite = canInvitePeople(caller.actor);
  const canEdit = canManagePeople(caller.actor);
  const cursor = new URL(request.url).searchParams.get("cursor") || undefined;
  return load(async () => {
    const page = await services.people.pagePeople(caller, { cursor });
    return {
      people: page.items.map(presentPerson),
      nextCursor: page.nextCursor,
      firstPage: !cursor,
      total: await services.people.countPeople(caller),
      organisations: canInvite ? (await services.people.listOrganisations(caller)).map(presentOrganisation) : [],
      invitations: canInvite ? (await services.invitations.listPending(caller)).map(presentInvitation) : [],
      canInvite,
      canEdit,
    };
  });
}

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    await context.services.invitations.invite(context.caller, fields);
    return { invited: fields.email ?? "" };
  });
}

export default function People({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { people, nextCursor, firstPage, total, organisations, invitations, canInvite, canEdit } = loaderData;
  const error = errorOf(actionData);
  const invited = actionData && "invited" in actionData ? actionData.invited : null;
  const busy = useNavigation().state === "submitting";
  const { search } = useLocation();
  const labels = {
    email: t("people.email"),
    name: t("people.name"),
    role: t("people.role"),
    title: t("people.personTitle"),
  };
  const personColumns: DataTableColumn<(typeof people)[number]>[] = [
    {
      key: "name",
      header: t("people.name"),
      cell: (p) => (canEdit ? <a href={`/admin/people/${p.id}`}>{p.name}</a> : p.name),
    },
    { key: "title", header: t("people.personTitle"), cell: (p) => p.title ?? "" },
    { key: "organisation", header: t("people.organisation"), cell: (p) => p.organisationName ?? "" },
    { key: "role", header: t("people.role"), cell: (p) => t(`roles.${p.role}`) },
    { key: "email", header: t("people.email"), cell: (p) => p.email },
  ];
  const invitationColumns: DataTableColumn<(typeof invitations)[number]>[] = [
    { key: "name", header: t("people.name"), cell: (i) => i.name },
    { key: "email", header: t("people.email"), cell: (i) => i.email },
    { key: "role", header: t("people.role"), cell: (i) => t(`roles.${i.role}`) },
    { key: "invited", header: t("people.invitedAt"), cell: (i) => date(i.createdAt) },
    { key: "expires", header: t("people.expiresAt"), cell: (i) => date(i.expiresAt) },
  ];

  return (
    <div className="stack">
      <title>{`${t("people.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("people.lead")}>{t("people.title")}</PageTitle>
      <DataTable
        caption={t("people.count", { count: total })}
        columns={personColumns}
        rows={people}
        rowKey={(p) => p.id}
        emptyText={t("people.empty")}
      />
      {/* The first-page and next-page links of the keyset pages (plain links, no JavaScript needed). */}
      {(nextCursor || !firstPage) && (
        <nav aria-label={t("pagination.label")} className="data-table-pages">
          {!firstPage && <a href={pageHref(search, undefined)}>{t("pagination.first")}</a>}
          {nextCursor && (
            <a href={pageHref(search, nextCursor)} rel="next">
              {t("kit.table.nextPage")}
            </a>
          )}
        </nav>
      )}

      {canInvite && (
        <>
          {invitations.length > 0 && (
            <section aria-labelledby="pending-title">
              <Heading level={2} id="pending-title">
                {t("people.pendingInvitations")}
              </Heading>
              <DataTable
                caption={t("people.pendingInvitations")}
                captionHidden
                columns={invitationColumns}
                rows={invitations}
                rowKey={(i) => i.id}
                emptyText=""
              />
            </section>
          )}

          <section aria-labelledby="invite-title" className="narrow stack">
            <Heading level={2} id="invite-title">
              {t("people.invite")}
            </Heading>
            <p>{t("people.inviteLead")}</p>
            {invited && <Notice>{t("people.invited", { email: invited })}</Notice>}
            <ErrorSummary error={error} labels={labels} />
            <Form method="post" className="stack" noValidate key={invited ?? "invite"}>
              <TextField name="name" label={t("people.name")} autoComplete="off" error={error} />
              <TextField name="email" type="email" autoComplete="off" label={t("people.email")} error={error} />
              <TextField name="title" label={t("people.personTitle")} optional error={error} />
              <Select
                name="organisationId"
                label={t("people.organisation")}
                options={organisationOptions(t, organisations)}
                error={fieldError(error, "organisationId")}
              />
              <Select
                name="role"
                label={t("people.role")}
                options={roleOptions(t)}
                defaultValue="member"
                error={fieldError(error, "role")}
              />
              <Select
                name="locale"
                label={t("people.language")}
                options={localeOptions()}
                error={fieldError(error, "locale")}
              />
              <div className="form-actions">
                <Button disabled={busy}>{t("people.invite")}</Button>
              </div>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
