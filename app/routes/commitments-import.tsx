import { readFile } from "node:fs/promises";
import { Form } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { translate } from "../../src/i18n/translate.ts";
import { presentContractImport } from "../../src/modules/commitments/contract-import-presenters.ts";
import { canManageContracts } from "../../src/modules/commitments/policy.ts";
import { isMultipart, receiveForm } from "../../src/modules/files/multipart.ts";
import { CommitmentsLinks } from "../ui/commitments/CommitmentsLinks.tsx";
import commitmentsCss from "../ui/commitments/commitments.css?url";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { attempt, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/commitments-import";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: commitmentsCss }];

/** Importing a contract sheet (staff): a dry run lists every row's problems; the import stores all rows or none. */
export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => {
    if (!canManageContracts(context.caller.actor)) throw new AppError("FORBIDDEN");
    return {};
  });
}

export async function action({ context, request }: Route.ActionArgs) {
  const { services, caller } = context;
  if (!isMultipart(request)) return attempt(caller.locale, () => Promise.reject(new AppError("MALFORMED_BODY")));
  // The sheet is read as it streams in, to a temporary file removed afterwards (files/multipart.ts).
  const { fields, file } = await receiveForm(request, {
    fileField: "file",
    maxFileBytes: services.contractDocuments.uploadMaxBytes,
    tooLarge: () => services.contractDocuments.tooLarge(caller.locale),
  });
  try {
    return await attempt(caller.locale, async () => {
      if (!file || file.size === 0)
        throw new AppError("VALIDATION_FAILED", [
          { path: "file", message: translate(caller.locale, "commitments.file.missing") },
        ]);
      const bytes = new Uint8Array(await readFile(file.path));
      const format = /\.(csv|xlsx)$/i.exec(file.name)?.[1]?.toLowerCase() as "csv" | "xlsx" | undefined;
      const commit = fields.intent === "commit";
      const report = commit
        ? await services.contractImports.commit(caller, bytes, format)
        : await services.contractImports.check(caller, bytes, format);
      return { report: presentContractImport(report), committed: commit };
    });
  } finally {
    await file?.dispose();
  }
}

export default function CommitmentsImport({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const result = actionData && "report" in actionData ? actionData : undefined;
  // A refused import names each problem by row and column (rows.<row>.<column>): shown as the dry run's table.
  const refused = (error?.issues ?? []).flatMap((i) => {
    const m = /^rows\.(\d+)\.(.+)$/.exec(i.path);
    return m ? [{ row: Number(m[1]), field: m[2] ?? "", message: i.message }] : [];
  });
  const problems = result
    ? result.report.errors.map((e) => ({ row: e.row, field: e.field, message: e.message }))
    : refused;
  return (
    <div className="stack">
      <title>{`${t("commitments.form.import")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("commitments.form.importLead")} actions={<CommitmentsLinks />}>
        {t("commitments.form.import")}
      </PageTitle>
      {refused.length === 0 && <ErrorSummary error={error} />}
      {result?.committed && <Notice>{t("commitments.form.imported", { count: String(result.report.stored) })}</Notice>}
      {result && !result.committed && result.report.valid && (
        <Notice>{t("commitments.form.importValid", { count: String(result.report.rows) })}</Notice>
      )}
      {problems.length > 0 && (
        <section aria-labelledby="problems" className="stack">
          <Heading level={2} id="problems">
            {t("commitments.form.importProblems", { count: String(problems.length) })}
          </Heading>
          <DataTable
            caption={t("commitments.form.importProblems", { count: String(problems.length) })}
            captionHidden
            rowHeader
            columns={[
              { key: "row", header: t("commitments.form.row"), cell: (p) => String(p.row) },
              { key: "field", header: t("commitments.form.column"), cell: (p) => p.field },
              { key: "message", header: t("commitments.form.problem"), cell: (p) => p.message },
            ]}
            rows={problems}
            rowKey={(p) => `${p.row}-${p.field}-${p.message}`}
            emptyText="–"
          />
        </section>
      )}
      <section aria-labelledby="sheet" className="stack narrow">
        <Heading level={2} id="sheet">
          {t("commitments.form.sheet")}
        </Heading>
        <p>{t("commitments.form.sheetHint")}</p>
        <Form method="post" encType="multipart/form-data" className="stack">
          <Field
            name="file"
            label={t("commitments.form.file")}
            hint={t("commitments.form.sheetFileHint")}
            error={error}
          >
            <input type="file" accept=".csv,.xlsx" />
          </Field>
          <div className="form-actions">
            <Button name="intent" value="check">
              {t("commitments.form.checkSheet")}
            </Button>
            <Button name="intent" value="commit" variant="secondary">
              {t("commitments.form.importSheet")}
            </Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
