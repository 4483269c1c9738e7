import { Form, useLocation } from "react-router";
import type { z } from "zod";
import { canManageContracts } from "../../src/modules/commitments/policy.ts";
import {
  type contractSummarySchema,
  presentContractsPage,
  presentDueRemindersPage,
  presentFoldersPage,
} from "../../src/modules/commitments/presenters.ts";
import { CommitmentsLinks } from "../ui/commitments/CommitmentsLinks.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { day } from "../ui/commitments/format.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonAnchor, ButtonLink } from "../ui/kit/Button.tsx";
import { DataTable, type DataTableColumn } from "../ui/kit/DataTable.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { pageHref, readCursor } from "../ui/kit/table-query.ts";
import { TextArea } from "../ui/TextArea.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields, load } from "../web/actions.server.ts";
import type { Route } from "./+types/commitments";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** The contract register A–Z, a page at a time (`?cursor=`); members see their organisation's contracts. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    page: presentContractsPage(await services.contracts.listContracts(caller, { cursor, limit: 50 })),
    folders: presentFoldersPage(await services.contracts.listFolders(caller, { limit: 200 })).items,
    // The reminders sent to the caller (as a responsible person or deputy), newest first: the in-app copy of the mail.
    reminders: presentDueRemindersPage(await services.contractReminders.listDue(caller, { limit: 10 })).items,
    canManage: canManageContracts(caller.actor),
    seesAll: caller.actor?.role !== "member",
  }));
}

/** A new folder (staff). */
export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  const fields = await formFields(request);
  return attempt(caller.locale, async () => {
    const view = await services.contracts.createFolder(caller, fields);
    return { saved: view.folder.name };
  });
}

type Contract = z.infer<typeof contractSummarySchema>;

export default function Commitments({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { search } = useLocation();
  const { page, folders, reminders, canManage, seesAll } = loaderData;
  const error = errorOf(actionData);
  const folderName = new Map(folders.map((f) => [f.id, f.name]));
  const columns: DataTableColumn<Contract>[] = [
    {
      key: "name",
      header: t("commitments.page.contract"),
      cell: (c) => <a href={`/commitments/contracts/${c.id}`}>{c.name}</a>,
    },
    { key: "number", header: t("commitments.page.number"), cell: (c) => c.number },
    { key: "folder", header: t("commitments.page.folder"), cell: (c) => folderName.get(c.folderId) ?? "–" },
    { key: "type", header: t("commitments.page.type"), cell: (c) => t(`commitments.type.${c.type}`) },
    {
      key: "end",
      header: t("commitments.page.end"),
      cell: (c) => (c.openEnded ? t("commitments.page.openEnded") : day(locale, c.endDate)),
    },
    { key: "notice", header: t("commitments.page.noticeDeadline"), cell: (c) => day(locale, c.noticeDeadline) },
    { key: "status", header: t("commitments.page.status"), cell: (c) => t(`commitments.status.${c.status}`) },
  ];
  return (
    <div className="stack">
      <title>{`${t("commitments.page.register")} – ${t("app.name")}`}</title>
      <PageTitle
        lead={t("commitments.page.registerLead")}
        actions={
          <>
            {canManage && (
              <ButtonLink variant="primary" to="/commitments/contracts/new">
                {t("commitments.form.newContract")}
              </ButtonLink>
            )}
            {canManage && <ButtonLink to="/commitments/import">{t("commitments.form.import")}</ButtonLink>}
            {seesAll && (
              <>
                <ButtonAnchor href="/commitments/final-report.docx" download>
                  {t("commitments.form.finalReport")}
                </ButtonAnchor>
                <CommitmentsLinks />
              </>
            )}
          </>
        }
      >
        {t("commitments.page.register")}
      </PageTitle>
      {actionData && "saved" in actionData && (
        <Notice>{t("commitments.form.folderSaved", { name: String(actionData.saved) })}</Notice>
      )}
      {reminders.length > 0 && (
        <section aria-labelledby="my-reminders" className="stack">
          <Heading level={2} id="my-reminders">
            {t("commitments.form.myReminders")}
          </Heading>
          <DataTable
            caption={t("commitments.form.myReminders")}
            captionHidden
            rowHeader
            columns={[
              {
                key: "contract",
                header: t("commitments.page.contract"),
                cell: (r) => (
                  <a href={`/commitments/contracts/${r.contract.id}`}>{`${r.contract.number} ${r.contract.name}`}</a>
                ),
              },
              {
                key: "kind",
                header: t("commitments.page.reminderOf"),
                cell: (r) => t(`commitments.page.reminderKind.${r.kind}`),
              },
              { key: "date", header: t("commitments.page.date"), cell: (r) => day(locale, r.eventDate) },
            ]}
            rows={reminders}
            rowKey={(r) => r.id}
            emptyText="–"
          />
        </section>
      )}
      <DataTable
        caption={t("commitments.page.register")}
        captionHidden
        rowHeader
        columns={columns}
        rows={page.items}
        rowKey={(c) => c.id}
        emptyText={t("commitments.page.noContracts")}
        nextPageHref={page.nextCursor ? pageHref(search, page.nextCursor) : undefined}
      />
      {seesAll && (
        <section aria-labelledby="folders" className="stack">
          <Heading level={2} id="folders">
            {t("commitments.form.folders")}
          </Heading>
          {folders.length === 0 ? (
            <p>{t("commitments.form.noFolders")}</p>
          ) : (
            <ul>
              {folders.map((f) => (
                <li key={f.id}>
                  {canManage ? (
                    <a href={`/commitments/contracts/new?folder=${f.id}`}>
                      {t("commitments.form.newContractIn", { name: f.name })}
                    </a>
                  ) : (
                    f.name
                  )}
                  {f.description && ` – ${f.description}`}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {canManage && (
        <FieldIdScope prefix="folder">
          <section aria-labelledby="new-folder" className="stack narrow">
            <Heading level={2} id="new-folder">
              {t("commitments.form.newFolder")}
            </Heading>
            <ErrorSummary error={error} />
            <Form method="post" className="stack" key={folders.length}>
              <TextField name="name" label={t("commitments.form.folderName")} error={error} />
              <TextArea name="description" label={t("commitments.form.description")} optional rows={3} error={error} />
              <div className="form-actions">
                <Button>{t("commitments.form.createFolder")}</Button>
              </div>
            </Form>
          </section>
        </FieldIdScope>
      )}
    </div>
  );
}
