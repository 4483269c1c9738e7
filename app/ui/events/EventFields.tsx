import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { emailRequirements } from "../../../src/modules/events/constants.ts";
import { Select } from "../forms.tsx";
import { useI18n } from "../i18n.ts";
import { Field } from "../kit/Field.tsx";
import { FieldGroup } from "../kit/FieldGroup.tsx";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";

export interface EventFormValues {
  title?: string;
  description?: string;
  date?: string;
  startTime?: string;
  endTime?: string;
  place?: string;
  city?: string;
  organiser?: string;
  isPublic?: boolean;
  regions?: string[];
  registrationEmail?: string;
  joinCode?: string;
  seriesId?: string | null;
}

function TimeField({
  name,
  label,
  type,
  value,
  error,
}: {
  name: string;
  label: string;
  type: "date" | "time";
  value?: string;
  error?: ErrorBody;
}) {
  return (
    <Field name={name} label={label} error={error} required>
      <input type={type} className="text-input" defaultValue={value} />
    </Field>
  );
}

/** The event's own fields, for creating and editing. Dates and times are Finnish time. */
export function EventFields({
  values = {},
  error,
  series,
}: {
  values?: EventFormValues;
  error?: ErrorBody;
  series: { id: string; name: string }[];
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField name="title" label={t("events.form.title")} defaultValue={values.title} error={error} required />
      <TextArea
        name="description"
        label={t("events.form.description")}
        optional
        rows={4}
        defaultValue={values.description}
        error={error}
      />
      <div className="field-row">
        <TimeField name="date" type="date" label={t("events.form.date")} value={values.date} error={error} />
        <TimeField
          name="startTime"
          type="time"
          label={t("events.form.startTime")}
          value={values.startTime}
          error={error}
        />
        <TimeField name="endTime" type="time" label={t("events.form.endTime")} value={values.endTime} error={error} />
      </div>
      <TextField name="place" label={t("events.form.place")} defaultValue={values.place} error={error} optional />
      <TextField name="city" label={t("events.form.city")} defaultValue={values.city} error={error} optional />
      <TextField
        name="organiser"
        label={t("events.form.organiser")}
        defaultValue={values.organiser}
        error={error}
        optional
      />
      <TextField
        name="regions"
        label={t("events.form.regions")}
        hintText={t("events.form.regionsHint")}
        defaultValue={values.regions?.join(", ")}
        error={error}
        optional
      />
      {series.length > 0 && (
        <Select
          name="seriesId"
          label={t("events.form.series")}
          options={[
            { value: "", label: t("events.form.noSeries") },
            ...series.map((s) => ({ value: s.id, label: s.name })),
          ]}
          defaultValue={values.seriesId ?? ""}
          error={error}
        />
      )}
      <FieldGroup name="registrationEmail" legend={t("events.form.registrationEmail")} error={error}>
        {emailRequirements.map((r) => (
          <label key={r} className="choice-option">
            <input
              type="radio"
              name="registrationEmail"
              value={r}
              defaultChecked={(values.registrationEmail ?? "optional") === r}
            />{" "}
            {t(`events.email.${r}`)}
          </label>
        ))}
      </FieldGroup>
      <label className="choice-option">
        <input type="hidden" name="isPublic" value="false" />
        <input type="checkbox" name="isPublic" value="true" defaultChecked={values.isPublic ?? true} />{" "}
        {t("events.form.isPublic")}
      </label>
      <TextField
        name="joinCode"
        label={t("walls.joinCode")}
        hintText={t("walls.form.joinCodeHint")}
        defaultValue={values.joinCode}
        error={error}
        optional
      />
    </>
  );
}

/** Form fields as the event service takes them. */
export function eventFormInput(form: FormData) {
  const last = (name: string) => form.getAll(name).at(-1)?.toString() ?? "";
  return {
    title: last("title"),
    description: last("description"),
    date: last("date"),
    startTime: last("startTime"),
    endTime: last("endTime"),
    place: last("place"),
    city: last("city"),
    organiser: last("organiser"),
    regions: last("regions")
      .split(",")
      .map((r) => r.trim())
      .filter(Boolean),
    seriesId: last("seriesId"),
    registrationEmail: last("registrationEmail") || undefined,
    isPublic: last("isPublic") || "false",
    joinCode: last("joinCode"),
  };
}
