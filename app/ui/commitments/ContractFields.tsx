import type { ErrorBody } from "../../../src/http/respond-error.ts";
import {
  confidentialityLevels,
  contractStatuses,
  contractTypes,
  noticeUnits,
  partyRoles,
} from "../../../src/modules/commitments/constants.ts";
import { Select } from "../forms.tsx";
import { useI18n } from "../i18n.ts";
import { FieldGroup } from "../kit/FieldGroup.tsx";
import { FormSection } from "../kit/FormSection.tsx";
import { TextField } from "../TextField.tsx";

export interface Choice {
  value: string;
  label: string;
}

/** What the form starts with: a stored contract's values (editing) or nothing (a new one). */
export interface ContractFormValues {
  folderId?: string;
  type?: string;
  number?: string;
  diaryNumber?: string;
  name?: string;
  status?: string;
  startDate?: string;
  endDate?: string | null;
  openEnded?: boolean;
  notice?: { amount: number; unit: string } | null;
  autoRenewal?: boolean;
  value?: string;
  confidentiality?: string;
  confidentialityGround?: string | null;
  responsibleId?: string | null;
  deputyIds?: string[];
  masterId?: string | null;
  optionPeriods?: { start: string; end: string; exercised: boolean }[];
}

interface ContractFieldsProps {
  values: ContractFormValues;
  folders: Choice[];
  people: Choice[];
  contracts: Choice[];
  error: ErrorBody | undefined;
  /** A new contract is given its parties here; a stored one's are managed on its page. */
  withParties: boolean;
  /** What a refused submission sent: the form shows it again (without JavaScript the page is rendered anew). */
  submitted?: Record<string, string[]>;
}

/** A field's starting value: what was sent when the form was refused, else the stored value. */
export function startValues(submitted: Record<string, string[]> | undefined) {
  return {
    text: (name: string, stored?: string | null) => (submitted ? (submitted[name]?.[0] ?? "") : (stored ?? "")),
    checked: (name: string, stored?: boolean) =>
      submitted ? (submitted[name]?.includes("true") ?? false) : Boolean(stored),
    oneOf: (name: string, value: string, stored: boolean) =>
      submitted ? (submitted[name]?.includes(value) ?? false) : stored,
  };
}

const emptyRows = (count: number) => Array.from({ length: count }, (_, i) => i);

/**
 * The contract form's fields, named by the paths the service's errors use ("notice.amount", "parties.0.businessId",
 * "optionPeriods.1.end"), so each message lands on its field. The notice deadline is computed by the service from
 * the end date and the notice period, and shown on the contract's page once saved.
 */
export function ContractFields({
  values,
  folders,
  people,
  contracts,
  error,
  withParties,
  submitted,
}: ContractFieldsProps) {
  const { t } = useI18n();
  const start = startValues(submitted);
  const none = { value: "", label: t("commitments.form.none") };
  const periods = values.optionPeriods ?? [];
  return (
    <>
      <FormSection title={t("commitments.form.basics")}>
        <Select
          name="folderId"
          label={t("commitments.page.folder")}
          options={folders}
          defaultValue={start.text("folderId", values.folderId)}
          error={error}
        />
        <Select
          name="type"
          label={t("commitments.page.type")}
          options={contractTypes.map((v) => ({ value: v, label: t(`commitments.type.${v}`) }))}
          defaultValue={start.text("type", values.type ?? "contract")}
          error={error}
        />
        <TextField
          name="name"
          label={t("commitments.form.name")}
          defaultValue={start.text("name", values.name)}
          error={error}
        />
        <TextField
          name="number"
          label={t("commitments.page.number")}
          defaultValue={start.text("number", values.number)}
          error={error}
        />
        <TextField
          name="diaryNumber"
          label={t("commitments.form.diaryNumber")}
          defaultValue={start.text("diaryNumber", values.diaryNumber)}
          optional
          error={error}
        />
        <Select
          name="status"
          label={t("commitments.page.status")}
          options={contractStatuses.map((v) => ({ value: v, label: t(`commitments.status.${v}`) }))}
          defaultValue={start.text("status", values.status ?? "draft")}
          error={error}
        />
        <Select
          name="masterId"
          label={t("commitments.form.master")}
          hint={t("commitments.form.masterHint")}
          options={[none, ...contracts]}
          defaultValue={start.text("masterId", values.masterId)}
          optional
          error={error}
        />
      </FormSection>

      <FormSection title={t("commitments.form.period")} description={t("commitments.form.periodHint")}>
        <TextField
          name="startDate"
          label={t("commitments.page.start")}
          hint={t("commitments.form.dateHint")}
          defaultValue={start.text("startDate", values.startDate)}
          error={error}
        />
        <TextField
          name="endDate"
          label={t("commitments.page.end")}
          hint={t("commitments.form.dateHint")}
          defaultValue={start.text("endDate", values.endDate)}
          optional
          error={error}
        />
        <label className="choice-option">
          <input
            type="checkbox"
            name="openEnded"
            value="true"
            defaultChecked={start.checked("openEnded", values.openEnded)}
          />{" "}
          {t("commitments.page.openEnded")}
        </label>
        <TextField
          name="notice.amount"
          label={t("commitments.form.noticeAmount")}
          hint={t("commitments.form.noticeHint")}
          defaultValue={start.text("notice.amount", values.notice ? String(values.notice.amount) : "")}
          optional
          error={error}
        />
        <Select
          name="notice.unit"
          label={t("commitments.form.noticeUnit")}
          options={noticeUnits.map((v) => ({ value: v, label: t(`commitments.noticeUnit.${v}`) }))}
          defaultValue={start.text("notice.unit", values.notice?.unit ?? "months")}
          error={error}
        />
        <label className="choice-option">
          <input
            type="checkbox"
            name="autoRenewal"
            value="true"
            defaultChecked={start.checked("autoRenewal", values.autoRenewal)}
          />{" "}
          {t("commitments.form.autoRenewal")}
        </label>
      </FormSection>

      <FormSection title={t("commitments.form.optionPeriods")} description={t("commitments.form.optionPeriodsHint")}>
        {emptyRows(periods.length + 1).map((i) => (
          <div key={i} className="commitments-row">
            <TextField
              name={`optionPeriods.${i}.start`}
              label={t("commitments.form.optionStart", { n: String(i + 1) })}
              hint={t("commitments.form.dateHint")}
              defaultValue={start.text(`optionPeriods.${i}.start`, periods[i]?.start)}
              optional
              error={error}
            />
            <TextField
              name={`optionPeriods.${i}.end`}
              label={t("commitments.form.optionEnd", { n: String(i + 1) })}
              hint={t("commitments.form.dateHint")}
              defaultValue={start.text(`optionPeriods.${i}.end`, periods[i]?.end)}
              optional
              error={error}
            />
            <label className="choice-option">
              <input
                type="checkbox"
                name={`optionPeriods.${i}.exercised`}
                value="true"
                defaultChecked={start.checked(`optionPeriods.${i}.exercised`, periods[i]?.exercised)}
              />{" "}
              {t("commitments.form.optionExercised", { n: String(i + 1) })}
            </label>
          </div>
        ))}
      </FormSection>

      <FormSection title={t("commitments.form.people")}>
        <Select
          name="responsibleId"
          label={t("commitments.page.responsible")}
          hint={t("commitments.form.responsibleHint")}
          options={[none, ...people]}
          defaultValue={start.text("responsibleId", values.responsibleId)}
          optional
          error={error}
        />
        <FieldGroup name="deputyIds" legend={t("commitments.form.deputies")} optional error={error}>
          {people.map((p) => (
            <label key={p.value} className="choice-option">
              <input
                type="checkbox"
                name="deputyIds"
                value={p.value}
                defaultChecked={start.oneOf("deputyIds", p.value, values.deputyIds?.includes(p.value) ?? false)}
              />{" "}
              {p.label}
            </label>
          ))}
        </FieldGroup>
      </FormSection>

      <FormSection title={t("commitments.form.valueAndSecrecy")}>
        <TextField
          name="value"
          label={t("commitments.page.value")}
          hint={t("commitments.form.valueHint")}
          defaultValue={start.text("value", values.value)}
          optional
          error={error}
        />
        <Select
          name="confidentiality"
          label={t("commitments.form.confidentiality")}
          options={confidentialityLevels.map((v) => ({ value: v, label: t(`commitments.confidentiality.${v}`) }))}
          defaultValue={start.text("confidentiality", values.confidentiality ?? "public")}
          error={error}
        />
        <TextField
          name="confidentialityGround"
          label={t("commitments.form.ground")}
          hint={t("commitments.form.groundHint")}
          defaultValue={start.text("confidentialityGround", values.confidentialityGround)}
          optional
          error={error}
        />
      </FormSection>

      {withParties && (
        <FormSection title={t("commitments.page.parties")} description={t("commitments.form.partiesHint")}>
          {emptyRows(3).map((i) => (
            <PartyFields key={i} prefix={`parties.${i}.`} n={i + 1} error={error} submitted={submitted} />
          ))}
        </FormSection>
      )}
    </>
  );
}

/** One party's name, business ID and role; `prefix` is "parties.0." in the contract form, "" in the party form. */
export function PartyFields({
  prefix,
  n,
  error,
  submitted,
}: {
  prefix: string;
  n?: number;
  error: ErrorBody | undefined;
  submitted?: Record<string, string[]>;
}) {
  const { t } = useI18n();
  const start = startValues(submitted);
  const numbered = (label: string) => (n === undefined ? label : `${label} ${n}`);
  return (
    <div className="commitments-row">
      <TextField
        name={`${prefix}name`}
        defaultValue={start.text(`${prefix}name`)}
        label={numbered(t("commitments.form.partyName"))}
        optional={n !== undefined}
        error={error}
      />
      <TextField
        name={`${prefix}businessId`}
        defaultValue={start.text(`${prefix}businessId`)}
        label={numbered(t("commitments.page.businessId"))}
        hint={t("commitments.form.businessIdHint")}
        optional
        error={error}
      />
      <Select
        name={`${prefix}role`}
        defaultValue={start.text(`${prefix}role`, "buyer")}
        label={numbered(t("commitments.page.partyRole"))}
        options={partyRoles.map((v) => ({ value: v, label: t(`commitments.partyRole.${v}`) }))}
        error={error}
      />
    </div>
  );
}

/** What a refused submission sent, if the action gave it back (attemptKeeping). */
export function submittedOf(actionData: unknown): Record<string, string[]> | undefined {
  return actionData && typeof actionData === "object" && "submitted" in actionData
    ? (actionData as { submitted: Record<string, string[]> }).submitted
    : undefined;
}
