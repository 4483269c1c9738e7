import type { ReactNode } from "react";
import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { useI18n } from "../i18n.ts";
import { messageFor } from "./errors.ts";
import { fieldPartIds } from "./Field.tsx";
import { fieldId, useFieldIdPrefix } from "./field-id.ts";

interface FieldGroupProps {
  /** The inputs' shared name (radio buttons, checkboxes); the fieldset's id is `field-<prefix->name`. */
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: ErrorBody | string;
  optional?: boolean;
  idPrefix?: string;
  className?: string;
  children: ReactNode;
}

/**
 * A fieldset with its legend, for a group of radio buttons or checkboxes. The error
 * summary's link lands on the fieldset (it takes focus, so the legend is read out).
 */
export function FieldGroup({ name, legend, hint, error, optional, idPrefix, className, children }: FieldGroupProps) {
  const { t } = useI18n();
  const scopePrefix = useFieldIdPrefix();
  const id = fieldId(name, idPrefix ?? scopePrefix);
  const parts = fieldPartIds(id);
  const message = messageFor(error, name);
  const described = [hint ? parts.hint : null, message ? parts.error : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset
      id={id}
      tabIndex={-1}
      className={["choice", message ? "field-invalid" : null, className].filter(Boolean).join(" ")}
      aria-describedby={described}
    >
      <legend>
        {legend}
        {optional && <span className="muted"> ({t("forms.optional")})</span>}
      </legend>
      {hint && (
        <span id={parts.hint} className="field-hint">
          {hint}
        </span>
      )}
      {children}
      {message && (
        <span id={parts.error} className="field-error">
          {message}
        </span>
      )}
    </fieldset>
  );
}
