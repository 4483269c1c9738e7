import type { ErrorBody } from "../../../src/http/respond-error.ts";
import { Field } from "../kit/Field.tsx";

interface DateFieldProps {
  name: string;
  label: string;
  error?: ErrorBody | string;
  defaultValue?: string;
  optional?: boolean;
  hint?: string;
  /** The form's id prefix when two forms on one page have a field of this name (see fieldId). */
  idPrefix?: string;
}

/** A native date input: the browser's own picker, and plain YYYY-MM-DD without JavaScript. */
export function DateField({ name, label, error, defaultValue, optional, hint, idPrefix }: DateFieldProps) {
  return (
    <Field
      name={name}
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      required={!optional}
      idPrefix={idPrefix}
    >
      <input type="date" className="text-input date-input" defaultValue={defaultValue} />
    </Field>
  );
}
