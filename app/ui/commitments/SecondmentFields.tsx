import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { fundingSources, secondmentLegalForms } from "../../../src/modules/commitments/constants.ts";
import { Select } from "../forms.tsx";
import { useI18n } from "../i18n.ts";
import { FormSection } from "../kit/FormSection.tsx";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";
import type { Choice } from "./ContractFields.tsx";
import { startValues } from "./ContractFields.tsx";

/** What the secondment form starts with: a stored secondment's values as typed (editing), or nothing (a new one). */
export interface SecondmentFormValues {
  personName?: string;
  personId?: string | null;
  title?: string;
  homeOrganisationName?: string;
  homeOrganisationId?: string | null;
  legalForm?: string;
  contractId?: string | null;
  sharePercent?: string;
  fte?: string;
  startDate?: string;
  agreedEndDate?: string;
  plannedReturnDate?: string | null;
  salary?: string;
  sideCosts?: string;
  fundingSource?: string;
  grantEligible?: boolean;
  substitutes?: { name: string; post: string }[];
  note?: string;
}

interface SecondmentFieldsProps {
  values: SecondmentFormValues;
  people: Choice[];
  organisations: Choice[];
  agreements: Choice[];
  error: ErrorBody | undefined;
  /** What a refused submission sent: the form shows it again (without JavaScript the page is rendered anew). */
  submitted?: Record<string, string[]>;
}

/** The secondment form's fields (new and edit), named by the paths of the service's errors. */
export function SecondmentFields({
  values,
  people,
  organisations,
  agreements,
  error,
  submitted,
}: SecondmentFieldsProps) {
  const { t } = useI18n();
  const start = startValues(submitted);
  const none = { value: "", label: t("commitments.form.none") };
  const chain = values.substitutes ?? [];
  // Room for one more substitute than are stored, at least three.
  const rows = Array.from({ length: Math.min(10, Math.max(3, chain.length + 1)) }, (_, i) => i);
  return (
    <>
      <FormSection title={t("commitments.page.person")}>
        <TextField
          name="personName"
          label={t("commitments.form.personName")}
          defaultValue={start.text("personName", values.personName)}
          error={error}
        />
        <Select
          name="personId"
          label={t("commitments.form.personAccount")}
          hint={t("commitments.form.personAccountHint")}
          options={[none, ...people]}
          defaultValue={start.text("personId", values.personId)}
          optional
          error={error}
        />
        <TextField
          name="title"
          label={t("commitments.form.personTitle")}
          defaultValue={start.text("title", values.title)}
          optional
          error={error}
        />
        <TextField
          name="homeOrganisationName"
          label={t("commitments.page.organisation")}
          defaultValue={start.text("homeOrganisationName", values.homeOrganisationName)}
          error={error}
        />
        <Select
          name="homeOrganisationId"
          label={t("commitments.form.organisationRecord")}
          options={[none, ...organisations]}
          defaultValue={start.text("homeOrganisationId", values.homeOrganisationId)}
          optional
          error={error}
        />
        <Select
          name="legalForm"
          label={t("commitments.form.legalForm")}
          options={secondmentLegalForms.map((v) => ({ value: v, label: t(`commitments.legalForm.${v}`) }))}
          defaultValue={start.text("legalForm", values.legalForm)}
          error={error}
        />
        <Select
          name="contractId"
          label={t("commitments.form.agreement")}
          options={[none, ...agreements]}
          defaultValue={start.text("contractId", values.contractId)}
          optional
          error={error}
        />
      </FormSection>
      <FormSection title={t("commitments.form.workingTime")}>
        <TextField
          name="sharePercent"
          label={t("commitments.form.sharePercent")}
          hint={t("commitments.form.sharePercentHint")}
          defaultValue={start.text("sharePercent", values.sharePercent ?? "100")}
          error={error}
        />
        <TextField
          name="fte"
          label={t("commitments.page.fte")}
          hint={t("commitments.form.fteHint")}
          defaultValue={start.text("fte", values.fte ?? "1,00")}
          error={error}
        />
        <TextField
          name="startDate"
          label={t("commitments.page.start")}
          hint={t("commitments.form.dateHint")}
          defaultValue={start.text("startDate", values.startDate)}
          error={error}
        />
        <TextField
          name="agreedEndDate"
          label={t("commitments.form.agreedEnd")}
          hint={t("commitments.form.dateHint")}
          defaultValue={start.text("agreedEndDate", values.agreedEndDate)}
          error={error}
        />
        <TextField
          name="plannedReturnDate"
          label={t("commitments.form.plannedReturn")}
          hint={t("commitments.form.dateHint")}
          defaultValue={start.text("plannedReturnDate", values.plannedReturnDate)}
          optional
          error={error}
        />
      </FormSection>
      <FormSection title={t("commitments.form.costs")}>
        <TextField
          name="salaryCents"
          label={t("commitments.form.salary")}
          hint={t("commitments.form.valueHint")}
          defaultValue={start.text("salaryCents", values.salary)}
          error={error}
        />
        <TextField
          name="sideCostsCents"
          label={t("commitments.form.sideCosts")}
          hint={t("commitments.form.valueHint")}
          defaultValue={start.text("sideCostsCents", values.sideCosts)}
          error={error}
        />
        <Select
          name="fundingSource"
          label={t("commitments.page.funding")}
          options={fundingSources.map((v) => ({ value: v, label: t(`commitments.funding.${v}`) }))}
          defaultValue={start.text("fundingSource", values.fundingSource)}
          error={error}
        />
        <label className="choice-option">
          <input
            type="checkbox"
            name="grantEligible"
            value="true"
            defaultChecked={start.checked("grantEligible", values.grantEligible ?? true)}
          />{" "}
          {t("commitments.form.grantEligible")}
        </label>
      </FormSection>
      <FormSection title={t("commitments.page.chain")} description={t("commitments.form.chainHint")}>
        {rows.map((i) => (
          <div key={i} className="commitments-row">
            <TextField
              name={`substitutes.${i}.name`}
              label={t("commitments.form.substitute", { n: String(i + 1) })}
              defaultValue={start.text(`substitutes.${i}.name`, chain[i]?.name)}
              optional
              error={error}
            />
            <TextField
              name={`substitutes.${i}.post`}
              label={t("commitments.form.substitutePost", { n: String(i + 1) })}
              defaultValue={start.text(`substitutes.${i}.post`, chain[i]?.post)}
              optional
              error={error}
            />
          </div>
        ))}
      </FormSection>
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
