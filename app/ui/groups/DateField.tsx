import { useI18n } from "../i18n.ts";

interface DateFieldProps {
  name: string;
  label: string;
  error?: string;
  defaultValue?: string;
  optional?: boolean;
}

/** A native date input: the browser's own picker, and plain YYYY-MM-DD without JavaScript. */
export function DateField({ name, label, error, defaultValue, optional }: DateFieldProps) {
  const { t } = useI18n();
  const id = `field-${name}`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="muted"> ({t("forms.optional")})</span>}
      </label>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
      <input
        id={id}
        name={name}
        type="date"
        className="text-input date-input"
        defaultValue={defaultValue}
        required={!optional}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
    </div>
  );
}
