import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { useI18n } from "../i18n.ts";
import { messageFor } from "./errors.ts";
import { fieldId, useFieldIdPrefix } from "./field-id.ts";

/** What a Field gives its control: spread these on the input, textarea or select. */
export interface FieldControlProps {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  required?: boolean;
}

export interface FieldProps {
  /** The input's name; the control's id is `field-<prefix->name`, which the error summary links to. */
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  /** This field's message, or the form's whole error (the field picks its own issue by name). */
  error?: ErrorBody | string;
  /** Marks the label "(optional)": the Suomi.fi convention is to mark the optional fields. */
  optional?: boolean;
  /** Sets `required` on the control. */
  required?: boolean;
  /** Also says "(required)" in the label, for forms where most fields are optional. */
  requiredMarker?: boolean;
  /** The form's id prefix when a page has two forms with the same field names; else from <FieldIdScope>. */
  idPrefix?: string;
  /** An explicit id, for old callers only: it breaks the error summary's links unless it is `field-<name>`. */
  id?: string;
  /** Further ids the control is described by (e.g. a guidance panel beside the field). */
  describedBy?: string;
  className?: string;
  /** One input/textarea/select element (given the ids by cloning), or a render function for anything else. */
  children: ReactElement<Record<string, unknown>> | ((control: FieldControlProps) => ReactNode);
}

/** The ids a field's parts get; exported for controls that place the hint or error themselves. */
export function fieldPartIds(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

/**
 * The one form field wrapper: label, hint, the control, then the error message (the
 * Suomi.fi order). The control is described by the hint and the error and marked
 * invalid when there is an error; its id is what the error summary links to.
 */
export function Field({
  name,
  label,
  hint,
  error,
  optional,
  required,
  requiredMarker,
  idPrefix,
  id: givenId,
  describedBy,
  className,
  children,
}: FieldProps) {
  const { t } = useI18n();
  const scopePrefix = useFieldIdPrefix();
  const id = givenId ?? fieldId(name, idPrefix ?? scopePrefix);
  const parts = fieldPartIds(id);
  const message = messageFor(error, name);
  const describedByIds = (own?: unknown) =>
    [hint ? parts.hint : null, message ? parts.error : null, describedBy ?? null, typeof own === "string" ? own : null]
      .filter(Boolean)
      .join(" ") || undefined;
  const control: FieldControlProps = {
    id,
    name,
    "aria-describedby": describedByIds(),
    ...(message ? { "aria-invalid": true as const } : {}),
    ...(required ? { required: true } : {}),
  };
  const rendered =
    typeof children === "function"
      ? children(control)
      : isValidElement(children)
        ? cloneElement(children, { ...control, "aria-describedby": describedByIds(children.props["aria-describedby"]) })
        : children;
  return (
    <div className={["field", message ? "field-invalid" : null, className].filter(Boolean).join(" ")}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="muted"> ({t("forms.optional")})</span>}
        {requiredMarker && !optional && <span className="muted"> ({t("kit.field.required")})</span>}
      </label>
      {hint && (
        <span id={parts.hint} className="field-hint">
          {hint}
        </span>
      )}
      {rendered}
      {message && (
        <span id={parts.error} className="field-error">
          {message}
        </span>
      )}
    </div>
  );
}
