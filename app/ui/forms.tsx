import type { ReactNode } from "react";
import type { ErrorBody } from "../../src/http/respond-error.ts";
import { Field } from "./kit/Field.tsx";

export { ErrorSummary } from "./kit/ErrorSummary.tsx";
// The form helpers live in the UI kit; these names stay importable from here for the pages.
export { errorOf, fieldError } from "./kit/errors.ts";

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

interface SelectProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  error?: ErrorBody | string;
  hint?: string;
  /** The form's id prefix when two forms on one page have a field of this name (see fieldId). */
  idPrefix?: string;
  optional?: boolean;
  required?: boolean;
}

/** A native select: it works without JavaScript, which Suomi.fi's Dropdown does not. */
export function Select({ name, label, options, defaultValue, error, hint, idPrefix, optional, required }: SelectProps) {
  return (
    <Field
      name={name}
      label={label}
      hint={hint}
      error={error}
      idPrefix={idPrefix}
      optional={optional}
      required={required}
    >
      <select defaultValue={defaultValue} className="native-select">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
