import type { ErrorBody } from "../../src/http/respond-error.ts";
import { Field } from "./kit/Field.tsx";

interface TextAreaProps {
  name: string;
  /**
   * Old way to keep ids unique when two forms on one page share a field name; it breaks
   * the error summary's links. Use idPrefix (or <FieldIdScope>) instead.
   */
  id?: string;
  /** The form's id prefix when two forms on one page have a field of this name: id `field-<prefix>-<name>`. */
  idPrefix?: string;
  label: string;
  defaultValue?: string;
  hint?: string;
  /** Further text the field is described by (e.g. a guidance panel beside it). */
  describedBy?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
  optional?: boolean;
  error?: ErrorBody | string;
}

/** A plain textarea on the kit's Field, its id matching the error summary's links (#field-name). */
export function TextArea({
  name,
  id,
  idPrefix,
  label,
  hint,
  describedBy,
  rows = 4,
  error,
  optional,
  required,
  ...textarea
}: TextAreaProps) {
  return (
    <Field
      name={name}
      id={id}
      idPrefix={idPrefix}
      label={label}
      hint={hint}
      describedBy={describedBy}
      error={error}
      optional={optional}
      required={required}
    >
      <textarea className="text-input" rows={rows} {...textarea} />
    </Field>
  );
}
