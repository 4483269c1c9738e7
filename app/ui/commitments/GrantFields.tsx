import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { costCategories, cutOffKinds, fundingSources } from "../../../src/modules/commitments/constants.ts";
import { Select } from "../forms.tsx";
import { useI18n } from "../i18n.ts";
import { FormSection } from "../kit/FormSection.tsx";
import { TextField } from "../TextField.tsx";
import { startValues } from "./ContractFields.tsx";

/** What the grant form starts with: a stored grant's values as typed (editing), or nothing (a new one). */
export interface GrantFormValues {
  name?: string;
  decisionNumber?: string;
  fundingSource?: string;
  amount?: string;
  paid?: string;
  ownSharePercent?: string;
  eligibleFrom?: string;
  eligibleTo?: string;
  cutOffs?: { kind: string; date: string }[];
}

interface FieldsProps<V> {
  values: V;
  error: ErrorBody | undefined;
  /** What a refused submission sent: the form shows it again (without JavaScript the page is rendered anew). */
  submitted?: Record<string, string[]> | undefined;
}

/** The grant form's fields (new and edit): amount, own share, eligibility period and one field per cut-off date. */
export function GrantFields({ values, error, submitted }: FieldsProps<GrantFormValues>) {
  const { t } = useI18n();
  const start = startValues(submitted);
  const cutOff = (kind: string) => values.cutOffs?.find((c) => c.kind === kind)?.date;
  return (
    <>
      <FormSection title={t("commitments.report.grant")}>
        <TextField
          name="name"
          label={t("commitments.form.name")}
          defaultValue={start.text("name", values.name)}
          error={error}
        />
        <TextField
          name="decisionNumber"
          label={t("commitments.report.decisionNumber")}
          defaultValue={start.text("decisionNumber", values.decisionNumber)}
          optional
          error={error}
        />
        <Select
          name="fundingSource"
          label={t("commitments.report.funding")}
          options={fundingSources.map((v) => ({ value: v, label: t(`commitments.funding.${v}`) }))}
          defaultValue={start.text("fundingSource", values.fundingSource)}
          error={error}
        />
        <TextField
          name="amountCents"
          label={t("commitments.report.amount")}
          hint={t("commitments.form.valueHint")}
          defaultValue={start.text("amountCents", values.amount)}
          error={error}
        />
        <TextField
          name="paidCents"
          label={t("commitments.report.paid")}
          hint={t("commitments.form.paidHint")}
          defaultValue={start.text("paidCents", values.paid)}
          optional
          error={error}
        />
        <TextField
          name="ownSharePercent"
          label={t("commitments.form.ownSharePercent")}
          hint={t("commitments.form.ownShareHint")}
          defaultValue={start.text("ownSharePercent", values.ownSharePercent ?? "10")}
          error={error}
        />
      </FormSection>
      <FormSection title={t("commitments.report.period")} description={t("commitments.form.cutOffsHint")}>
        <TextField
          name="eligibleFrom"
          label={t("commitments.form.eligibleFrom")}
          hint={t("commitments.form.dateHint")}
          defaultValue={start.text("eligibleFrom", values.eligibleFrom)}
          error={error}
        />
        <TextField
          name="eligibleTo"
          label={t("commitments.form.eligibleTo")}
          hint={t("commitments.form.dateHint")}
          defaultValue={start.text("eligibleTo", values.eligibleTo)}
          error={error}
        />
        {cutOffKinds.map((kind, index) => (
          <TextField
            key={kind}
            name={`cutOffs.${index}.date`}
            label={t("commitments.form.cutOff", { kind: t(`commitments.cutOff.${kind}`) })}
            hint={t("commitments.form.dateHint")}
            defaultValue={start.text(`cutOffs.${index}.date`, cutOff(kind))}
            optional
            error={error}
          />
        ))}
      </FormSection>
    </>
  );
}

/** What the cost entry form starts with. */
export interface CostFormValues {
  description?: string;
  category?: string;
  costDate?: string;
  commitmentDate?: string | null;
  amount?: string;
  essentialForEnding?: boolean;
  forOtherPublicBody?: boolean;
}

/**
 * A cost entry's fields (new and edit). Whether it is eligible is not typed: the service decides it from these
 * facts and the grant's period and cut-off dates, and names the rule.
 */
export function CostFields({ values, error, submitted }: FieldsProps<CostFormValues>) {
  const { t } = useI18n();
  const start = startValues(submitted);
  return (
    <>
      <TextField
        name="description"
        label={t("commitments.report.column.description")}
        defaultValue={start.text("description", values.description)}
        error={error}
      />
      <Select
        name="category"
        label={t("commitments.report.column.category")}
        options={costCategories.map((v) => ({ value: v, label: t(`commitments.costCategory.${v}`) }))}
        defaultValue={start.text("category", values.category)}
        error={error}
      />
      <TextField
        name="costDate"
        label={t("commitments.report.column.costDate")}
        hint={t("commitments.form.dateHint")}
        defaultValue={start.text("costDate", values.costDate)}
        error={error}
      />
      <TextField
        name="commitmentDate"
        label={t("commitments.report.column.commitmentDate")}
        hint={t("commitments.form.commitmentDateHint")}
        defaultValue={start.text("commitmentDate", values.commitmentDate)}
        optional
        error={error}
      />
      <TextField
        name="amountCents"
        label={t("commitments.form.amount")}
        hint={t("commitments.form.valueHint")}
        defaultValue={start.text("amountCents", values.amount)}
        error={error}
      />
      <label className="choice-option">
        <input
          type="checkbox"
          name="essentialForEnding"
          value="true"
          defaultChecked={start.checked("essentialForEnding", values.essentialForEnding)}
        />{" "}
        {t("commitments.form.essentialForEnding")}
      </label>
      <label className="choice-option">
        <input
          type="checkbox"
          name="forOtherPublicBody"
          value="true"
          defaultChecked={start.checked("forOtherPublicBody", values.forOtherPublicBody)}
        />{" "}
        {t("commitments.form.forOtherPublicBody")}
      </label>
    </>
  );
}
