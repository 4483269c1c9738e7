import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { emailRequirements } from "../../../src/modules/events/constants.ts";
import { fieldError } from "../forms.tsx";
import { useI18n } from "../i18n.ts";
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
  const message = fieldError(error, name);
  return (
    <div className="field">
      <label htmlFor={`field-${name}`}>{label}</label>
      <input
        id={`field-${name}`}
        name={name}
        type={type}
        className="text-input"
        required
        defaultValue={value}
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `field-${name}-error` : undefined}
      />
      {message && (
        <span id={`field-${name}-error`} className="field-error">
          {message}
        </span>
      )}
    </div>
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
        id="field-description"
        name="description"
        label={t("events.form.description")}
        optional
        rows={4}
        defaultValue={values.description}
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
        <div className="field">
          <label htmlFor="field-seriesId">{t("events.form.series")}</label>
          <select id="field-seriesId" name="seriesId" className="native-select" defaultValue={values.seriesId ?? ""}>
            <option value="">{t("events.form.noSeries")}</option>
            {series.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <fieldset className="choice">
        <legend>{t("events.form.registrationEmail")}</legend>
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
      </fieldset>
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
