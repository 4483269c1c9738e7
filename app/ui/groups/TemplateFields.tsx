import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { locales } from "../../../src/i18n/locale.ts";
import type { TemplateFormValues } from "../../web/groups.server.ts";
import { useI18n } from "../i18n.ts";
import { Field } from "../kit/Field.tsx";
import { Heading } from "../kit/Heading.tsx";
import { TextArea } from "../TextArea.tsx";
import { TextField } from "../TextField.tsx";

/** How many empty sections the form offers for adding new ones. */
export const newSectionRows = 3;

/**
 * A template's name, description and sections, each text in Finnish, Swedish
 * and English; new sections are added in the empty rows at the end.
 */
export function TemplateFields({ values, error }: { values: TemplateFormValues; error?: ErrorBody }) {
  const { t } = useI18n();
  const language = (l: (typeof locales)[number]) => ({ language: t(`groups.in.${l}`) });
  const blank = { fi: "", sv: "", en: "" };
  const rows = [
    ...values.rows,
    ...Array.from({ length: newSectionRows }, () => ({ order: "", title: blank, guidance: blank })),
  ];
  return (
    <>
      <p className="field-hint">{t("groups.templates.languagesHint")}</p>
      {locales.map((l) => (
        <TextField
          key={`name-${l}`}
          name={`name.${l}`}
          label={t("groups.templates.nameIn", language(l))}
          defaultValue={values.name[l]}
          error={error}
          optional={l !== "fi"}
          required={l === "fi"}
        />
      ))}
      {locales.map((l) => (
        <TextArea
          key={`description-${l}`}
          name={`description.${l}`}
          label={t("groups.templates.descriptionIn", language(l))}
          defaultValue={values.description[l]}
          rows={3}
          error={error}
          optional
        />
      ))}
      <Heading level={2}>{t("groups.sections")}</Heading>
      <p className="field-hint">{t("groups.templates.sectionsHint")}</p>
      {rows.map((row, i) => {
        const existing = i < values.rows.length;
        const prefix = `sections.${i}`;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: a row is its place in the form
          <fieldset key={i} className="template-section">
            <legend>
              {existing ? t("groups.templates.section", { number: i + 1 }) : t("groups.templates.newSection")}
            </legend>
            <Field name={`${prefix}.order`} label={t("groups.templates.position")} error={error}>
              <input
                type="number"
                min={1}
                step={1}
                inputMode="numeric"
                className="text-input number-input"
                defaultValue={row.order || (existing ? String(i + 1) : "")}
              />
            </Field>
            {locales.map((l) => (
              <TextField
                key={`title-${l}`}
                name={`${prefix}.title.${l}`}
                label={t("groups.templates.titleIn", language(l))}
                defaultValue={row.title[l]}
                error={error}
                optional={l !== "fi"}
              />
            ))}
            {locales.map((l) => (
              <TextArea
                key={`guidance-${l}`}
                name={`${prefix}.guidance.${l}`}
                label={t("groups.templates.guidanceIn", language(l))}
                defaultValue={row.guidance[l]}
                rows={2}
                error={error}
                optional
              />
            ))}
            {existing && (
              <label className="choice-option">
                <input type="checkbox" name={`${prefix}.remove`} value="true" /> {t("groups.templates.removeSection")}
              </label>
            )}
          </fieldset>
        );
      })}
    </>
  );
}
