import type { ErrorBody } from "../../../src/http/respond-error.ts";
import type { PresentedIndicator } from "../../../src/modules/strategy/chart-data.ts";
import { goalCategories, indicatorDirections, strategyStatuses } from "../../../src/modules/strategy/constants.ts";
import { Select } from "../forms.tsx";
import { DateField } from "../groups/DateField.tsx";
import { useI18n } from "../i18n.ts";
import { Field } from "../kit/Field.tsx";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";

interface StrategyValues {
  name: string;
  startYear: number;
  endYear: number;
  status: (typeof strategyStatuses)[number];
  vision: string;
}

/** A year as a short numeric text field (no spinner: a year is typed, not stepped). */
function YearField({
  name,
  label,
  error,
  defaultValue,
}: {
  name: string;
  label: string;
  error?: ErrorBody;
  defaultValue?: number;
}) {
  return (
    <Field name={name} label={label} error={error} required>
      <input
        type="text"
        inputMode="numeric"
        className="text-input strategy-year"
        defaultValue={defaultValue}
        autoComplete="off"
      />
    </Field>
  );
}

/** A strategy's name, period, status and vision. */
export function StrategyFields({ error, strategy }: { error?: ErrorBody; strategy?: StrategyValues }) {
  const { t } = useI18n();
  return (
    <>
      <TextField name="name" label={t("strategy.field.name")} error={error} defaultValue={strategy?.name} required />
      <div className="strategy-field-row">
        <YearField
          name="startYear"
          label={t("strategy.field.startYear")}
          error={error}
          defaultValue={strategy?.startYear}
        />
        <YearField name="endYear" label={t("strategy.field.endYear")} error={error} defaultValue={strategy?.endYear} />
      </div>
      <Select
        name="status"
        label={t("strategy.field.status")}
        error={error}
        defaultValue={strategy?.status ?? "draft"}
        hint={strategy?.status === "draft" ? t("strategy.field.statusHint") : undefined}
        // Into consultation only by opening it (a deadline, the goals' walls): the edit page's consultation form.
        options={strategyStatuses
          .filter((s) => s !== "consultation" || strategy?.status === "consultation")
          .map((s) => ({ value: s, label: t(`strategy.strategyStatus.${s}`) }))}
      />
      <TextArea
        name="vision"
        label={t("strategy.field.vision")}
        hint={t("strategy.field.visionHint")}
        error={error}
        defaultValue={strategy?.vision}
        optional
        rows={5}
      />
    </>
  );
}

export interface Choice {
  value: string;
  label: string;
}

interface GoalValues {
  category: (typeof goalCategories)[number];
  title: string;
  description: string;
  responsibleGroupId: string | null;
  responsiblePersonId: string | null;
}

/** A goal's category, title, description and who is responsible (a working group or a person). */
export function GoalFields({
  error,
  goal,
  groups,
  people,
}: {
  error?: ErrorBody;
  goal?: GoalValues;
  groups: Choice[];
  people: Choice[];
}) {
  const { t } = useI18n();
  const nobody = { value: "", label: t("strategy.goal.nobody") };
  return (
    <>
      <Select
        name="category"
        label={t("strategy.goal.category")}
        error={error}
        defaultValue={goal?.category}
        options={goalCategories.map((c) => ({ value: c, label: t(`strategy.category.${c}`) }))}
      />
      <TextField name="title" label={t("strategy.goal.title")} error={error} defaultValue={goal?.title} required />
      <TextArea
        name="description"
        label={t("strategy.goal.description")}
        error={error}
        defaultValue={goal?.description}
        optional
        rows={3}
      />
      <Select
        name="responsibleGroupId"
        label={t("strategy.goal.group")}
        hint={t("strategy.goal.responsibleHint")}
        error={error}
        defaultValue={goal?.responsibleGroupId ?? ""}
        options={[nobody, ...groups]}
        optional
      />
      <Select
        name="responsiblePersonId"
        label={t("strategy.goal.person")}
        error={error}
        defaultValue={goal?.responsiblePersonId ?? ""}
        options={[nobody, ...people]}
        optional
      />
    </>
  );
}

/** "2023: 66" per line, the way the intermediate targets field shows them. */
export const intermediateText = (targets: PresentedIndicator["intermediateTargets"]) =>
  targets.map((x) => `${x.year}: ${x.value}`).join("\n");

/** An indicator's name, unit, direction, baseline, target, intermediate targets and data source. */
export function IndicatorFields({ error, indicator }: { error?: ErrorBody; indicator?: PresentedIndicator }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name="name"
        label={t("strategy.indicator.name")}
        error={error}
        defaultValue={indicator?.name}
        required
      />
      <TextField
        name="unit"
        label={t("strategy.indicator.unit")}
        hint={t("strategy.indicator.unitHint")}
        error={error}
        defaultValue={indicator?.unit}
        optional
      />
      <Select
        name="direction"
        label={t("strategy.indicator.direction")}
        error={error}
        defaultValue={indicator?.direction}
        options={indicatorDirections.map((d) => ({ value: d, label: t(`strategy.direction.${d}`) }))}
      />
      <div className="strategy-field-row">
        <TextField
          name="baselineValue"
          label={t("strategy.indicator.baselineValue")}
          hint={t("strategy.measurement.valueHint")}
          error={error}
          defaultValue={indicator?.baseline.value}
          required
        />
        <DateField
          name="baselineDate"
          label={t("strategy.indicator.baselineDate")}
          error={error}
          defaultValue={indicator?.baseline.date}
        />
      </div>
      <div className="strategy-field-row">
        <TextField
          name="targetValue"
          label={t("strategy.indicator.targetValue")}
          hint={t("strategy.measurement.valueHint")}
          error={error}
          defaultValue={indicator?.target.value}
          required
        />
        <DateField
          name="targetDate"
          label={t("strategy.indicator.targetDate")}
          error={error}
          defaultValue={indicator?.target.date}
        />
      </div>
      <TextArea
        name="intermediateTargets"
        label={t("strategy.indicator.intermediate")}
        hint={t("strategy.indicator.intermediateHint")}
        error={error}
        defaultValue={indicator ? intermediateText(indicator.intermediateTargets) : undefined}
        optional
        rows={3}
      />
      <TextField
        name="dataSource"
        label={t("strategy.indicator.dataSource")}
        error={error}
        defaultValue={indicator?.dataSource}
        optional
      />
    </>
  );
}

/** A measurement's date, value, source and note. */
export function MeasurementFields({ error }: { error?: ErrorBody }) {
  const { t } = useI18n();
  return (
    <>
      <div className="strategy-field-row">
        <DateField name="date" label={t("strategy.measurement.date")} error={error} />
        <TextField
          name="value"
          label={t("strategy.measurement.value")}
          hint={t("strategy.measurement.valueHint")}
          error={error}
          required
        />
      </div>
      <TextField name="source" label={t("strategy.measurement.source")} error={error} optional />
      <TextField name="note" label={t("strategy.measurement.note")} error={error} optional />
    </>
  );
}
