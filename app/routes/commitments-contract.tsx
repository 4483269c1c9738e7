import { Form } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { documentKinds } from "../../src/modules/commitments/constants.ts";
import { presentContract, presentDocumentsPage } from "../../src/modules/commitments/presenters.ts";
import { isMultipart, receiveForm } from "../../src/modules/files/multipart.ts";
import { PartyFields } from "../ui/commitments/ContractFields.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { day, euros } from "../ui/commitments/format.ts";
import { failedIntent } from "../ui/events/form-intent.ts";
import { ErrorSummary, errorOf, Notice, Select } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button, ButtonLink } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { FieldIdScope } from "../ui/kit/FieldIdScope.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextField } from "../ui/TextField.tsx";
import { fieldsOf, load } from "../web/actions.server.ts";
import { attemptForm } from "../web/form-intent.server.ts";
import type { Route } from "./+types/commitments-contract";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** One contract: its dates and notice deadline, parties, reminders and documents; staff manage them here. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  return load(async () => ({
    contract: presentContract(await services.contracts.getContract(caller, params.id)),
    documents: presentDocumentsPage(await services.contractDocuments.list(caller, params.id, { limit: 200 })).items,
  }));
}

const reminderFields = ["startDays", "endDays", "optionEndDays", "noticeDays"] as const;

/** The contract page's forms: reminders, parties, documents and their versions (a document comes with its file). */
export async function action({ context, request, params }: Route.ActionArgs) {
  const { services, caller } = context;
  // The document forms' file is read as it streams in, stopping at the upload limit (files/multipart.ts).
  const { fields, file } = isMultipart(request)
    ? await receiveForm(request, {
        fileField: "file",
        maxFileBytes: services.attachments.uploadMaxBytes,
        tooLarge: () => services.attachments.tooLarge(caller.locale),
      })
    : { fields: fieldsOf(await request.formData()), file: null };
  const intent = fields.intent ?? "";
  // A version's form is one per document: its refusal is shown at that document.
  const form = intent === "version" ? `version-${fields.documentId ?? ""}` : intent;
  try {
    return await attemptForm(caller.locale, form, async () => {
      const id = params.id;
      switch (intent) {
        case "reminders":
          // An empty field: no reminder of that kind.
          await services.contracts.setContractReminders(
            caller,
            id,
            Object.fromEntries(reminderFields.map((f) => [f, fields[f]?.trim() ? fields[f].trim() : null])),
          );
          return { saved: intent };
        case "folderReminders":
          await services.contracts.clearContractReminders(caller, id);
          return { saved: intent };
        case "party":
          await services.contracts.addParty(caller, id, {
            name: fields.name,
            businessId: fields.businessId,
            role: fields.role,
          });
          return { saved: intent };
        case "removeParty":
          await services.contracts.removeParty(caller, fields.partyId ?? "");
          return { saved: intent };
        case "document":
          await services.contractDocuments.create(caller, id, fields, file);
          return { saved: intent };
        case "version":
          await services.contractDocuments.addVersion(caller, fields.documentId ?? "", fields, file);
          return { saved: intent };
        default:
          throw new AppError("MALFORMED_BODY");
      }
    });
  } finally {
    await file?.dispose();
  }
}

export default function CommitmentsContract({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { contract: c, documents } = loaderData;
  const error = errorOf(actionData);
  const failed = failedIntent(actionData);
  const errorFor = (intent: string) => (failed === intent ? error : undefined);
  const saved = actionData && "saved" in actionData;
  const notice = c.notice ? `${c.notice.amount} ${t(`commitments.noticeUnit.${c.notice.unit}`)}` : "–";
  const facts: [string, string][] = [
    [t("commitments.page.folder"), c.folder.name],
    [t("commitments.page.number"), c.number],
    [t("commitments.form.diaryNumber"), c.diaryNumber || "–"],
    [t("commitments.page.type"), t(`commitments.type.${c.type}`)],
    [t("commitments.page.status"), t(`commitments.status.${c.status}`)],
    [t("commitments.page.start"), day(locale, c.startDate)],
    [t("commitments.page.end"), c.openEnded ? t("commitments.page.openEnded") : day(locale, c.endDate)],
    [t("commitments.form.noticePeriod"), notice],
    [t("commitments.page.noticeDeadline"), day(locale, c.noticeDeadline)],
    [t("commitments.page.noticeActBy"), day(locale, c.noticeActBy)],
    [t("commitments.form.autoRenewal"), t(c.autoRenewal ? "commitments.form.yes" : "commitments.form.no")],
    [t("commitments.page.value"), c.value ? euros(locale, c.value.cents, c.value.currency) : "–"],
    [
      t("commitments.form.confidentiality"),
      c.confidentiality === "confidential"
        ? `${t("commitments.confidentiality.confidential")} (${c.confidentialityGround ?? ""})`
        : t("commitments.confidentiality.public"),
    ],
    [t("commitments.page.responsible"), c.responsible?.name ?? "–"],
    [t("commitments.form.deputies"), c.deputies.map((d) => d.name).join(", ") || "–"],
    [t("commitments.form.master"), c.master ? `${c.master.number} ${c.master.name}` : "–"],
  ];
  const actingDay =
    c.noticeDeadline && c.noticeActBy && c.noticeActBy !== c.noticeDeadline
      ? t("commitments.form.actByNote", { deadline: day(locale, c.noticeDeadline), day: day(locale, c.noticeActBy) })
      : null;
  return (
    <div className="stack">
      <title>{`${c.name} – ${t("app.name")}`}</title>
      <PageTitle
        lead={c.folder.name}
        actions={
          c.canManage && (
            <ButtonLink to={`/commitments/contracts/${c.id}/edit`}>{t("commitments.form.editContract")}</ButtonLink>
          )
        }
      >
        {c.name}
      </PageTitle>
      {saved && <Notice>{t("commitments.form.saved")}</Notice>}
      {actingDay && <p className="notice">{actingDay}</p>}
      <dl className="commitments-facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {c.optionPeriods.length > 0 && (
        <DataTable
          caption={t("commitments.form.optionPeriods")}
          rowHeader
          columns={[
            { key: "start", header: t("commitments.page.start"), cell: (o) => day(locale, o.start) },
            { key: "end", header: t("commitments.page.end"), cell: (o) => day(locale, o.end) },
            {
              key: "exercised",
              header: t("commitments.form.exercised"),
              cell: (o) => t(o.exercised ? "commitments.form.yes" : "commitments.form.no"),
            },
          ]}
          rows={c.optionPeriods}
          rowKey={(o) => `${o.start}-${o.end}`}
          emptyText="–"
        />
      )}
      {c.callOffs.length > 0 && (
        <section aria-labelledby="call-offs" className="stack">
          <Heading level={2} id="call-offs">
            {t("commitments.form.callOffs")}
          </Heading>
          <ul>
            {c.callOffs.map((o) => (
              <li key={o.id}>
                <a href={`/commitments/contracts/${o.id}`}>{`${o.number} ${o.name}`}</a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="parties" className="stack">
        <Heading level={2} id="parties">
          {t("commitments.page.parties")}
        </Heading>
        <ErrorSummary error={errorFor("removeParty")} />
        <DataTable
          caption={t("commitments.page.parties")}
          captionHidden
          rowHeader
          columns={[
            { key: "name", header: t("commitments.page.partyName"), cell: (p) => p.name },
            { key: "businessId", header: t("commitments.page.businessId"), cell: (p) => p.businessId ?? "–" },
            { key: "role", header: t("commitments.page.partyRole"), cell: (p) => t(`commitments.partyRole.${p.role}`) },
            ...(c.canManage
              ? [
                  {
                    key: "remove",
                    header: t("commitments.form.actions"),
                    cell: (p: (typeof c.parties)[number]) => (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="removeParty" />
                        <input type="hidden" name="partyId" value={p.id} />
                        <Button variant="secondary" aria-label={t("commitments.form.removeParty", { name: p.name })}>
                          {t("commitments.form.remove")}
                        </Button>
                      </Form>
                    ),
                  },
                ]
              : []),
          ]}
          rows={c.parties}
          rowKey={(p) => p.id}
          emptyText={t("commitments.page.noParties")}
        />
        {c.canManage && (
          <FieldIdScope prefix="party">
            <section aria-labelledby="add-party" className="stack narrow">
              <Heading level={3} id="add-party">
                {t("commitments.form.addParty")}
              </Heading>
              <ErrorSummary error={errorFor("party")} />
              <Form method="post" className="stack" key={c.parties.length}>
                <input type="hidden" name="intent" value="party" />
                <PartyFields prefix="" error={errorFor("party")} />
                <div className="form-actions">
                  <Button>{t("commitments.form.addParty")}</Button>
                </div>
              </Form>
            </section>
          </FieldIdScope>
        )}
      </section>

      <section aria-labelledby="reminders" className="stack">
        <Heading level={2} id="reminders">
          {t("commitments.page.reminders")}
        </Heading>
        <p>{t(`commitments.form.remindersFrom.${c.reminderSettings.source}`)}</p>
        <DataTable
          caption={t("commitments.page.reminders")}
          captionHidden
          rowHeader
          columns={[
            {
              key: "kind",
              header: t("commitments.page.reminderOf"),
              cell: (r) => t(`commitments.page.reminderKind.${r.kind}`),
            },
            { key: "date", header: t("commitments.page.date"), cell: (r) => day(locale, r.actBy) },
            { key: "due", header: t("commitments.page.reminderSent"), cell: (r) => day(locale, r.dueDate) },
          ]}
          rows={c.reminders}
          rowKey={(r) => `${r.kind}-${r.eventDate}`}
          emptyText={t("commitments.page.noReminders")}
        />
        {c.canManage && (
          <FieldIdScope prefix="reminders">
            <section aria-labelledby="set-reminders" className="stack narrow">
              <Heading level={3} id="set-reminders">
                {t("commitments.form.setReminders")}
              </Heading>
              <p>{t("commitments.form.remindersHint")}</p>
              <ErrorSummary error={errorFor("reminders")} />
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="reminders" />
                {reminderFields.map((f) => (
                  <TextField
                    key={f}
                    name={f}
                    label={t(`commitments.form.reminderDays.${f}`)}
                    defaultValue={c.reminderSettings[f] === null ? "" : String(c.reminderSettings[f])}
                    optional
                    error={errorFor("reminders")}
                  />
                ))}
                <div className="form-actions">
                  <Button>{t("commitments.form.saveReminders")}</Button>
                </div>
              </Form>
              {c.reminderSettings.source === "contract" && (
                <Form method="post">
                  <input type="hidden" name="intent" value="folderReminders" />
                  <Button variant="secondary">{t("commitments.form.useFolderReminders")}</Button>
                </Form>
              )}
            </section>
          </FieldIdScope>
        )}
      </section>

      <section aria-labelledby="documents" className="stack">
        <Heading level={2} id="documents">
          {t("commitments.page.documents")}
        </Heading>
        {documents.length === 0 ? (
          <p>{t("commitments.page.noDocuments")}</p>
        ) : (
          <ul className="stack">
            {documents.map((d) => (
              <li key={d.id}>
                {`${d.title} (${t(`commitments.documentKind.${d.kind}`)})`}
                {d.versions.map((v) => (
                  <span key={v.id}>
                    {" · "}
                    <a href={v.downloadUrl}>
                      {t("commitments.page.version", { version: String(v.version), name: v.name })}
                    </a>
                  </span>
                ))}
                {c.canManage && (
                  <FieldIdScope prefix={`version-${d.id}`}>
                    <ErrorSummary error={errorFor(`version-${d.id}`)} />
                    <Form method="post" encType="multipart/form-data" className="stack">
                      <input type="hidden" name="intent" value="version" />
                      <input type="hidden" name="documentId" value={d.id} />
                      <FileField
                        label={t("commitments.form.newVersionOf", { title: d.title })}
                        error={errorFor(`version-${d.id}`)}
                      />
                      <div className="form-actions">
                        <Button variant="secondary">{t("commitments.form.uploadVersion")}</Button>
                      </div>
                    </Form>
                  </FieldIdScope>
                )}
              </li>
            ))}
          </ul>
        )}
        {c.canManage && (
          <FieldIdScope prefix="document">
            <section aria-labelledby="add-document" className="stack narrow">
              <Heading level={3} id="add-document">
                {t("commitments.form.addDocument")}
              </Heading>
              <ErrorSummary error={errorFor("document")} />
              <Form method="post" encType="multipart/form-data" className="stack" key={documents.length}>
                <input type="hidden" name="intent" value="document" />
                <Select
                  name="kind"
                  label={t("commitments.form.documentKind")}
                  options={documentKinds.map((k) => ({ value: k, label: t(`commitments.documentKind.${k}`) }))}
                  error={errorFor("document")}
                />
                <TextField name="title" label={t("commitments.form.documentTitle")} error={errorFor("document")} />
                <FileField label={t("commitments.form.file")} error={errorFor("document")} />
                <TextField name="note" label={t("commitments.form.note")} optional error={errorFor("document")} />
                <div className="form-actions">
                  <Button>{t("commitments.form.upload")}</Button>
                </div>
              </Form>
            </section>
          </FieldIdScope>
        )}
      </section>
    </div>
  );
}

function FileField({ label, error }: { label: string; error: ReturnType<typeof errorOf> }) {
  const { t } = useI18n();
  return (
    <Field name="file" label={label} hint={t("commitments.form.fileHint")} error={error}>
      <input type="file" accept=".pdf,.docx,.xlsx,.pptx,.odt,.ods,.odp" />
    </Field>
  );
}
