import { Form } from "react-router";
import type { z } from "zod";
import type { ErrorBody } from "../../../src/http/respond-error.ts";
import type { strategyDetailSchema } from "../../../src/modules/strategy/presenters.ts";
import type { importReportSchema } from "../../../src/modules/strategy/report-presenters.ts";
import { ErrorSummary, Notice, Select } from "../forms.tsx";
import { DateField } from "../groups/DateField.tsx";
import { useI18n } from "../i18n.ts";
import { Button } from "../kit/Button.tsx";
import { DataTable } from "../kit/DataTable.tsx";
import { Field } from "../kit/Field.tsx";
import { FieldGroup } from "../kit/FieldGroup.tsx";
import { FieldIdScope } from "../kit/FieldIdScope.tsx";
import { FormSection } from "../kit/FormSection.tsx";
import { Heading } from "../kit/Heading.tsx";
import type { Choice } from "./fields.tsx";

type Strategy = z.infer<typeof strategyDetailSchema>;
type ImportReport = z.infer<typeof importReportSchema>;

/** Opening a draft for comments (deadline, anonymous comments, pre-moderation), or closing an open consultation. */
export function ConsultationPanel({ strategy, error }: { strategy: Strategy; error?: ErrorBody }) {
  const { t, date } = useI18n();
  const withWalls = strategy.goals.some((g) => g.wall);
  return (
    <FormSection as="section" title={t("strategy.consultation.title")} id="consultation">
      <FieldIdScope prefix="consultation">
        <ErrorSummary error={error} />
        {strategy.status === "consultation" ? (
          <>
            {strategy.consultationDeadline && (
              <p>{t("strategy.consultation.isOpen", { date: date(strategy.consultationDeadline) })}</p>
            )}
            <Form method="post" className="stack" aria-labelledby="consultation-close">
              <input type="hidden" name="intent" value="consultation-close" />
              <Heading level={3} id="consultation-close">
                {t("strategy.consultation.closeTitle")}
              </Heading>
              <p>{t("strategy.consultation.closeDescription")}</p>
              <Select
                name="to"
                label={t("strategy.consultation.closeTo")}
                error={error}
                defaultValue="draft"
                options={(["draft", "adopted"] as const).map((s) => ({
                  value: s,
                  label: t(`strategy.strategyStatus.${s}`),
                }))}
              />
              <div className="form-actions">
                <Button variant="danger">{t("strategy.consultation.closeSubmit")}</Button>
              </div>
            </Form>
          </>
        ) : strategy.status === "draft" ? (
          <Form method="post" className="stack" aria-labelledby="consultation-open">
            <input type="hidden" name="intent" value="consultation-open" />
            <Heading level={3} id="consultation-open">
              {t("strategy.consultation.openTitle")}
            </Heading>
            <p>{t("strategy.consultation.openDescription")}</p>
            <DateField
              name="deadline"
              label={t("strategy.consultation.deadline")}
              hint={t("strategy.consultation.deadlineHint")}
              error={error}
            />
            <FieldGroup name="options" legend={t("strategy.consultation.options")} optional>
              <label className="choice-option">
                <input type="checkbox" name="anonymousAllowed" value="true" defaultChecked />{" "}
                {t("strategy.consultation.anonymousAllowed")}
              </label>
              <label className="choice-option">
                <input type="checkbox" name="preModeration" value="true" /> {t("strategy.consultation.preModeration")}
              </label>
            </FieldGroup>
            <div className="form-actions">
              <Button>{t("strategy.consultation.openSubmit")}</Button>
            </div>
          </Form>
        ) : (
          <p className="muted">{t("strategy.consultation.openNotDraft")}</p>
        )}
        {withWalls && (
          <p>
            <a href={`/strategies/${strategy.id}/consultation`}>{t("strategy.consultation.summaryLink")}</a>
          </p>
        )}
      </FieldIdScope>
    </FormSection>
  );
}

/** The operating-environment analysis: attach it (the working group that writes it), or a link to it. */
export function EnvironmentPanel({
  deliverableId,
  groups,
  error,
}: {
  deliverableId: string | null;
  groups: Choice[];
  error?: ErrorBody;
}) {
  const { t } = useI18n();
  return (
    <FormSection as="section" title={t("strategy.environment.title")} id="environment">
      <FieldIdScope prefix="environment">
        {deliverableId ? (
          <p>
            <a href={`/d/${deliverableId}`}>{t("strategy.environment.link")}</a>
          </p>
        ) : (
          <>
            <p>{t("strategy.environment.description")}</p>
            <ErrorSummary error={error} />
            {groups.length === 0 ? (
              <p className="muted">{t("strategy.environment.noGroups")}</p>
            ) : (
              <Form method="post" className="stack" aria-label={t("strategy.environment.attach")}>
                <input type="hidden" name="intent" value="environment" />
                <Select name="groupId" label={t("strategy.environment.group")} error={error} options={groups} />
                <div className="form-actions">
                  <Button>{t("strategy.environment.attach")}</Button>
                </div>
              </Form>
            )}
          </>
        )}
      </FieldIdScope>
    </FormSection>
  );
}

/**
 * Measurements from a CSV or XLSX file: the upload gets the dry run (its errors by row, or the rows to be stored);
 * the rows found fine come back in the commit form, which stores them all or none. Plain multipart forms.
 */
export function ImportPanel({
  error,
  checked,
  rows,
  imported,
  maxSize,
}: {
  error?: ErrorBody;
  checked?: ImportReport;
  rows?: string | null;
  imported?: ImportReport;
  maxSize: string;
}) {
  const { t } = useI18n();
  const fieldLabel = (field: ImportReport["errors"][number]["field"]) => t(`strategy.import.field.${field}`);
  return (
    <FormSection as="section" title={t("strategy.import.title")} id="import">
      <FieldIdScope prefix="import">
        <p>{t("strategy.import.description")}</p>
        {imported && <Notice>{t("strategy.import.stored", { count: imported.stored })}</Notice>}
        <ErrorSummary error={error} />
        {checked && !checked.valid && (
          <div className="stack">
            <p className="notice notice-error" role="status">
              {t("strategy.import.errorsTitle")}
            </p>
            <DataTable
              caption={t("strategy.import.errorsCaption")}
              rowHeader
              columns={[
                { key: "row", header: t("strategy.import.column.row"), cell: (e) => e.row, align: "end" },
                { key: "field", header: t("strategy.import.column.field"), cell: (e) => fieldLabel(e.field) },
                { key: "message", header: t("strategy.import.column.message"), cell: (e) => e.message },
              ]}
              rows={checked.errors}
              rowKey={(e) => `${e.row}-${e.field}-${e.message}`}
              emptyText=""
            />
          </div>
        )}
        {checked?.valid && rows && (
          <div className="stack">
            <DataTable
              caption={t("strategy.import.rowsCaption", { count: checked.measurements.length })}
              rowHeader
              columns={[
                { key: "row", header: t("strategy.import.column.row"), cell: (m) => m.row, align: "end" },
                { key: "indicator", header: t("strategy.import.field.indicator"), cell: (m) => m.indicatorName },
                { key: "date", header: t("strategy.import.field.date"), cell: (m) => m.date },
                { key: "value", header: t("strategy.import.field.value"), cell: (m) => m.value, align: "end" },
                { key: "source", header: t("strategy.import.field.source"), cell: (m) => m.source },
              ]}
              rows={checked.measurements}
              rowKey={(m) => String(m.row)}
              emptyText=""
            />
            <Form method="post" encType="multipart/form-data" aria-label={t("strategy.import.commit")}>
              <input type="hidden" name="intent" value="import-commit" />
              <input type="hidden" name="rows" value={rows} />
              <div className="form-actions">
                <Button>{t("strategy.import.commit")}</Button>
              </div>
            </Form>
          </div>
        )}
        <Form method="post" encType="multipart/form-data" className="stack" aria-label={t("strategy.import.check")}>
          <input type="hidden" name="intent" value="import" />
          <Field
            name="file"
            label={t("strategy.import.file")}
            hint={t("strategy.import.fileHint", { size: maxSize })}
            error={error}
            required
          >
            <input
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            />
          </Field>
          <div className="form-actions">
            <Button variant={checked?.valid ? "secondary" : "primary"}>{t("strategy.import.check")}</Button>
          </div>
        </Form>
      </FieldIdScope>
    </FormSection>
  );
}
