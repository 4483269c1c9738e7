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
}

const emptyRows = (count: number) => Array.from({ length: count }, (_, i) => i);

/**
 * The contract form's fields, named by the paths the service's errors use ("notice.amount", "parties.0.businessId",
 * "optionPeriods.1.end"), so each message lands on its field. The notice deadline is computed by the service from
 * the end date and the notice period, and shown on the contract's page once saved.
 */
export function ContractFields({ values, folders, people, contracts, error, withParties }: ContractFieldsProps) {
  const { t } = useI18n();
  const none = { value: "", label: t("commitments.form.none") };
  const periods = values.optionPeriods ?? [];
  return (
    <>
      <FormSection title={t("commitments.form.basics")}>
        <Select
          name="folderId"
          label={t("commitments.page.folder")}
          options={folders}
          defaultValue={values.folderId}
          error={error}
        />
        <Select
          name="type"
          label={t("commitments.page.type")}
          options={contractTypes.map((v) => ({ value: v, label: t(`commitments.type.${v}`) }))}
          defaultValue={values.type ?? "contract"}
          error={error}
        />
        <TextField name="name" label={t("commitments.form.name")} defaultValue={values.name} error={error} />
        <TextField name="number" label={t("commitments.page.number")} defaultValue={values.number} error={error} />
        <TextField
          name="diaryNumber"
          label={t("commitments.form.diaryNumber")}
          defaultValue={values.diaryNumber}
          optional
          error={error}
        />
        <Select
          name="status"
          label={t("commitments.page.status")}
          options={contractStatuses.map((v) => ({ value: v, label: t(`commitments.status.${v}`) }))}
          defaultValue={values.status ?? "draft"}
          error={error}
        />
        <Select
          name="masterId"
          label={t("commitments.form.master")}
          hint={t("commitments.form.masterHint")}
          options={[none, ...contracts]}
          defaultValue={values.masterId ?? ""}
          optional
          error={error}
        />
      </FormSection>

      <FormSection title={t("commitments.form.period")} description={t("commitments.form.periodHint")}>
        <TextField
          name="startDate"
          label={t("commitments.page.start")}
          hint={t("commitments.form.dateHint")}
          defaultValue={values.startDate}
          error={error}
        />
        <TextField
          name="endDate"
          label={t("commitments.page.end")}
          hint={t("commitments.form.dateHint")}
          defaultValue={values.endDate ?? ""}
          optional
          error={error}
        />
        <label className="choice-option">
          <input type="checkbox" name="openEnded" value="true" defaultChecked={values.openEnded} />{" "}
          {t("commitments.page.openEnded")}
        </label>
        <TextField
          name="notice.amount"
          label={t("commitments.form.noticeAmount")}
          hint={t("commitments.form.noticeHint")}
          defaultValue={values.notice ? String(values.notice.amount) : ""}
          optional
          error={error}
        />
        <Select
          name="notice.unit"
          label={t("commitments.form.noticeUnit")}
          options={noticeUnits.map((v) => ({ value: v, label: t(`commitments.noticeUnit.${v}`) }))}
          defaultValue={values.notice?.unit ?? "months"}
          error={error}
        />
        <label className="choice-option">
          <input type="checkbox" name="autoRenewal" value="true" defaultChecked={values.autoRenewal} />{" "}
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
              defaultValue={periods[i]?.start}
              optional
              error={error}
            />
            <TextField
              name={`optionPeriods.${i}.end`}
              label={t("commitments.form.optionEnd", { n: String(i + 1) })}
              hint={t("commitments.form.dateHint")}
              defaultValue={periods[i]?.end}
              optional
              error={error}
            />
            <label className="choice-option">
              <input
                type="checkbox"
                name={`optionPeriods.${i}.exercised`}
                value="true"
                defaultChecked={periods[i]?.exercised}
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
          defaultValue={values.responsibleId ?? ""}
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
                defaultChecked={values.deputyIds?.includes(p.value)}
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
          defaultValue={values.value}
          optional
          error={error}
        />
        <Select
          name="confidentiality"
          label={t("commitments.form.confidentiality")}
          options={confidentialityLevels.map((v) => ({ value: v, label: t(`commitments.confidentiality.${v}`) }))}
          defaultValue={values.confidentiality ?? "public"}
          error={error}
        />
        <TextField
          name="confidentialityGround"
          label={t("commitments.form.ground")}
          hint={t("commitments.form.groundHint")}
          defaultValue={values.confidentialityGround ?? ""}
          optional
          error={error}
        />
      </FormSection>

      {withParties && (
        <FormSection title={t("commitments.page.parties")} description={t("commitments.form.partiesHint")}>
          {emptyRows(3).map((i) => (
            <PartyFields key={i} prefix={`parties.${i}.`} n={i + 1} error={error} />
          ))}
        </FormSection>
      )}
    </>
  );
}

/** One party's name, business ID and role; `prefix` is "parties.0." in the contract form, "" in the party form. */
export function PartyFields({ prefix, n, error }: { prefix: string; n?: number; error: ErrorBody | undefined }) {
  const { t } = useI18n();
  const numbered = (label: string) => (n === undefined ? label : `${label} ${n}`);
  return (
    <div className="commitments-row">
      <TextField
        name={`${prefix}name`}
        label={numbered(t("commitments.form.partyName"))}
        optional={n !== undefined}
        error={error}
      />
      <TextField
        name={`${prefix}businessId`}
        label={numbered(t("commitments.page.businessId"))}
        hint={t("commitments.form.businessIdHint")}
        optional
        error={error}
      />
      <Select
        name={`${prefix}role`}
        label={numbered(t("commitments.page.partyRole"))}
        options={partyRoles.map((v) => ({ value: v, label: t(`commitments.partyRole.${v}`) }))}
        error={error}
      />
    </div>
  );
}
