import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { wallAccessModes, wallLayouts, wallModerationModes } from "../../../src/modules/walls/constants.ts";
import type { WallView } from "../../../src/modules/walls/presenters.ts";
import { useI18n } from "../i18n.ts";
import { FieldGroup } from "../kit/FieldGroup.tsx";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";

/** One of a few settings, as radio buttons in the UI kit's FieldGroup (its error summary link lands on it). */
function Choice({
  name,
  legend,
  options,
  value,
  error,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  value: string;
  error?: ErrorBody;
}) {
  return (
    <FieldGroup name={name} legend={legend} error={error}>
      {options.map((o) => (
        <label key={o.value} className="choice-option">
          <input type="radio" name={name} value={o.value} defaultChecked={value === o.value} /> {o.label}
        </label>
      ))}
    </FieldGroup>
  );
}

/** The settings a wall is created with and later changed by its moderators. */
export function WallSettingsFields({
  wall,
  error,
  withSections,
  joinCode,
}: {
  wall?: WallView;
  error?: ErrorBody;
  withSections: boolean;
  joinCode?: string | null;
}) {
  const { t } = useI18n();
  return (
    <>
      <TextField name="title" label={t("walls.form.title")} defaultValue={wall?.title} error={error} required />
      <TextArea
        id="field-description"
        name="description"
        label={t("walls.form.description")}
        optional
        rows={3}
        defaultValue={wall?.description}
      />
      <Choice
        name="access"
        legend={t("walls.form.access")}
        value={wall?.access ?? "link"}
        options={wallAccessModes.map((m) => ({ value: m, label: t(`walls.access.${m}`) }))}
        error={error}
      />
      <TextField
        name="joinCode"
        label={t("walls.joinCode")}
        hintText={t("walls.form.joinCodeHint")}
        defaultValue={joinCode ?? ""}
        error={error}
        optional
      />
      <label className="choice-option">
        <input type="hidden" name="anonymousAllowed" value="false" />
        <input type="checkbox" name="anonymousAllowed" value="true" defaultChecked={wall?.anonymousAllowed ?? true} />{" "}
        {t("walls.form.anonymousAllowed")}
      </label>
      <Choice
        name="moderation"
        legend={t("walls.form.moderation")}
        value={wall?.moderation ?? "open"}
        options={wallModerationModes.map((m) => ({ value: m, label: t(`walls.moderationMode.${m}`) }))}
        error={error}
      />
      <Choice
        name="layout"
        legend={t("walls.form.layout")}
        value={wall?.layout ?? "masonry"}
        options={wallLayouts.map((m) => ({ value: m, label: t(`walls.layout.${m}`) }))}
        error={error}
      />
      {withSections && (
        <TextArea
          id="field-sections"
          name="sections"
          label={t("walls.form.sections")}
          hint={t("walls.form.sectionsHint")}
          optional
          rows={4}
        />
      )}
    </>
  );
}

/** Form fields as the wall services take them: sections one per line, a checkbox's last value wins. */
export function wallFormInput(form: FormData) {
  const last = (name: string) => form.getAll(name).at(-1)?.toString();
  return {
    title: last("title") ?? "",
    description: last("description") ?? "",
    access: last("access"),
    joinCode: last("joinCode") ?? "",
    anonymousAllowed: last("anonymousAllowed") ?? "false",
    moderation: last("moderation"),
    layout: last("layout"),
    closed: last("closed"),
    sections: (last("sections") ?? "")
      .split("\n")
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
