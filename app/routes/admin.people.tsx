import { Form, useLocation, useNavigation } from "react-router";
import { Button, Heading, Paragraph } from "suomifi-ui-components";
import { allows } from "../../src/core/policy.ts";
import { accountsPolicy } from "../../src/modules/accounts/policy.ts";
import { presentOrganisation, presentPerson } from "../../src/modules/people/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { pageHref } from "../ui/kit/table-query.ts";
import { localeOptions, organisationOptions, roleOptions } from "../ui/options.ts";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.people";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  const canInvite = allows(accountsPolicy.invitePerson, caller.actor);
  const cursor = new URL(request.url).searchParams.get("cursor") || undefined;
  return load(async () => {
    const page = await services.people.pagePeople(caller, { cursor });
    return {
      people: page.items.map(presentPerson),
      nextCursor: page.nextCursor,
      firstPage: !cursor,
      total: await services.people.countPeople(caller),
      organisations: canInvite ? (await services.people.listOrganisations(caller)).map(presentOrganisation) : [],
      invitations: canInvite ? await services.invitations.listPending(caller) : [],
      canInvite,
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
  const { people, nextCursor, firstPage, total, organisations, invitations, canInvite } = loaderData;
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

  return (
    <div className="stack">
      <title>{`${t("people.title")} – ${t("app.name")}`}</title>
      <Heading variant="h1">{t("people.title")}</Heading>
      <Paragraph className="lead">{t("people.lead")}</Paragraph>
      <div className="table-wrap">
        <table className="data stack-on-phone">
          <caption>{t("people.count", { count: total })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("people.name")}</th>
              <th scope="col">{t("people.personTitle")}</th>
              <th scope="col">{t("people.organisation")}</th>
              <th scope="col">{t("people.role")}</th>
              <th scope="col">{t("people.email")}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td data-label={t("people.name")}>
                  {canInvite ? <a href={`/admin/people/${p.id}`}>{p.name}</a> : p.name}
                </td>
                <td data-label={t("people.personTitle")}>{p.title ?? ""}</td>
                <td data-label={t("people.organisation")}>{p.organisationName ?? ""}</td>
                <td data-label={t("people.role")}>{t(`roles.${p.role}`)}</td>
                <td data-label={t("people.email")}>{p.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
              <Heading variant="h2" id="pending-title">
                {t("people.pendingInvitations")}
              </Heading>
              <div className="table-wrap">
                <table className="data stack-on-phone">
                  <thead>
                    <tr>
                      <th scope="col">{t("people.name")}</th>
                      <th scope="col">{t("people.email")}</th>
                      <th scope="col">{t("people.role")}</th>
                      <th scope="col">{t("people.invitedAt")}</th>
                      <th scope="col">{t("people.expiresAt")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {invitations.map((i) => (
                      <tr key={i.id}>
                        <td data-label={t("people.name")}>{i.name}</td>
                        <td data-label={t("people.email")}>{i.email}</td>
                        <td data-label={t("people.role")}>{t(`roles.${i.role}`)}</td>
                        <td data-label={t("people.invitedAt")}>{date(i.createdAt)}</td>
                        <td data-label={t("people.expiresAt")}>{date(i.expiresAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}

          <section aria-labelledby="invite-title" className="narrow stack">
            <Heading variant="h2" id="invite-title">
              {t("people.invite")}
            </Heading>
            <Paragraph>{t("people.inviteLead")}</Paragraph>
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
                <Button type="submit" disabled={busy}>
                  {t("people.invite")}
                </Button>
              </div>
            </Form>
          </section>
        </>
      )}
    </div>
  );
}
