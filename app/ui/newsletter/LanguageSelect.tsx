import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { Select } from "../forms.tsx";
import { useI18n } from "../i18n.ts";

const names = { fi: "suomi", sv: "svenska", en: "English" } as const;

/** The newsletter's language: each language's own name, so everyone finds theirs. */
export function LanguageSelect({
  label,
  error,
  defaultValue,
}: {
  label: string;
  error?: ErrorBody;
  defaultValue?: string;
}) {
  const { locale } = useI18n();
  return (
    <Select
      name="locale"
      label={label}
      error={error}
      defaultValue={defaultValue ?? locale}
      options={Object.entries(names).map(([value, name]) => ({ value, label: name }))}
    />
  );
}
