import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { rampdownDecisions } from "../../../src/modules/commitments/constants.ts";
import { Select } from "../forms.tsx";
import { useI18n } from "../i18n.ts";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";
import { startValues } from "./ContractFields.tsx";

/** What a ramp-down decision's form starts with. */
export interface DecisionFormValues {
  decision?: string;
  transferTo?: string | null;
  decidedOn?: string;
  decidedBy?: string;
  exitCost?: string;
  earliestExitDate?: string | null;
  note?: string;
}

interface DecisionFieldsProps {
  values: DecisionFormValues;
  error: ErrorBody | undefined;
  submitted?: Record<string, string[]> | undefined;
}

/** A decision's own fields (new and edit): what was decided, when, by whom, what ending it costs and when it can end. */
export function DecisionFields({ values, error, submitted }: DecisionFieldsProps) {
  const { t } = useI18n();
  const start = startValues(submitted);
  return (
    <>
      <Select
        name="decision"
        label={t("commitments.form.decision")}
        options={rampdownDecisions.map((v) => ({ value: v, label: t(`commitments.decision.${v}`) }))}
        defaultValue={start.text("decision", values.decision)}
        error={error}
      />
      <TextField
        name="transferTo"
        label={t("commitments.form.transferTo")}
        hint={t("commitments.form.transferToHint")}
        defaultValue={start.text("transferTo", values.transferTo)}
        optional
        error={error}
      />
      <TextField
        name="decidedOn"
        label={t("commitments.form.decidedOn")}
        hint={t("commitments.form.dateHint")}
        defaultValue={start.text("decidedOn", values.decidedOn)}
        error={error}
      />
      <TextField
        name="decidedBy"
        label={t("commitments.form.decidedBy")}
        defaultValue={start.text("decidedBy", values.decidedBy)}
        error={error}
      />
      <TextField
        name="exitCostCents"
        label={t("commitments.form.exitCost")}
        hint={t("commitments.form.valueHint")}
        defaultValue={start.text("exitCostCents", values.exitCost)}
        optional
        error={error}
      />
      <TextField
        name="earliestExitDate"
        label={t("commitments.form.earliestExit")}
        hint={t("commitments.form.dateHint")}
        defaultValue={start.text("earliestExitDate", values.earliestExitDate)}
        optional
        error={error}
      />
      <TextArea
        name="note"
        label={t("commitments.form.note")}
        defaultValue={start.text("note", values.note)}
        optional
        rows={3}
        error={error}
      />
    </>
  );
}
