import { Form } from "react-router";
import { canManageOrganisations } from "../../src/modules/people/policy.ts";
import { presentOrganisation } from "../../src/modules/people/presenters.ts";
import { ErrorSummary, errorOf, fieldError, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { kindOptions } from "../ui/options.ts";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/admin.organisations";

export async function loader({ context, request }: Route.LoaderArgs) {
  const { caller, services } = context;
  requireSignIn(request, caller.actor);
  return load(async () => ({
    organisations: (await services.people.listOrganisations(caller)).map(presentOrganisation),
    // What to show; the service enforces the same policy entry.
    canManage: canManageOrganisations(caller.actor),
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
  const columns: DataTableColumn<(typeof organisations)[number]>[] = [
    {
      key: "name",
      header: t("organisations.name"),
      cell: (o) => (canManage ? <a href={`/admin/organisations/${o.id}`}>{o.name}</a> : o.name),
    },
    { key: "kind", header: t("organisations.kind"), cell: (o) => t(`organisationKinds.${o.kind}`) },
    { key: "members", header: t("organisations.members"), cell: (o) => number(o.memberCount ?? 0), align: "end" },
  ];
  return (
    <div className="stack">
      <title>{`${t("organisations.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("organisations.lead")}>{t("organisations.title")}</PageTitle>
      <DataTable
        caption={t("organisations.title")}
        captionHidden
        columns={columns}
        rows={organisations}
        rowKey={(o) => o.id}
        emptyText={t("organisations.empty")}
      />
      {canManage && (
        <section aria-labelledby="new-org-title" className="narrow stack">
          <Heading level={2} id="new-org-title">
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
              <Button>{t("organisations.create")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
