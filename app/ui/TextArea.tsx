import type { ErrorBody } from "../../src/http/respond-error.ts";
import { fieldError } from "./forms.tsx";
import { useI18n } from "./i18n.ts";

interface TextAreaProps {
  name: string;
  /** Needed when two forms on one page have a field of the same name (ids must be unique). */
  id?: string;
  label: string;
  defaultValue?: string;
  hint?: string;
  /** Further text the field is described by (e.g. a guidance panel beside it). */
  describedBy?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
  optional?: boolean;
  error?: ErrorBody;
}

/** A plain textarea with its label, hint and error, its id matching the error summary's links (#field-name). */
export function TextArea({
  name,
  id: givenId,
  label,
  defaultValue,
  hint,
  describedBy,
  rows = 4,
  error,
  optional,
  ...rest
}: TextAreaProps) {
  const { t } = useI18n();
  const id = givenId ?? `field-${name}`;
  const message = fieldError(error, name);
  const described =
    [hint ? `${id}-hint` : null, message ? `${id}-error` : null, describedBy ?? null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {optional && <span className="muted"> ({t("forms.optional")})</span>}
      </label>
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {message && (
        <span id={`${id}-error`} className="field-error">
          {message}
        </span>
      )}
      <textarea
        id={id}
        name={name}
        className="text-input"
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={message ? true : undefined}
        aria-describedby={described}
        {...rest}
      />
    </div>
  );
}
