import type { ErrorBody } from "../../src/http/respond-error.ts";
import { Field } from "./kit/Field.tsx";

interface TextFieldProps {
  name: string;
  /**
   * Old way to keep ids unique when two forms on one page share a field name; it breaks
   * the error summary's links. Use idPrefix (or <FieldIdScope>) instead.
   */
  id?: string;
  /** The form's id prefix when two forms on one page have a field of this name: id `field-<prefix>-<name>`. */
  idPrefix?: string;
  type?: "text" | "email" | "password" | "url" | "tel";
  autoComplete?: string;
  defaultValue?: string;
  hint?: string;
  /** The same as hint (the name Suomi.fi's TextInput used). */
  hintText?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  label: string;
  /** The form's error; this field shows its own message from it. */
  error?: ErrorBody | string;
  optional?: boolean;
}

/** A text input on the kit's Field: its id matches the error summary's links (#field-name) and it shows its own error. */
export function TextField({
  name,
  id,
  idPrefix,
  label,
  error,
  optional,
  required,
  hint,
  hintText,
  type = "text",
  ...input
}: TextFieldProps) {
  return (
    <Field
      name={name}
      id={id}
      idPrefix={idPrefix}
      label={label}
      hint={hint ?? hintText}
      error={error}
      optional={optional}
      required={required}
    >
      <input type={type} className="text-input" {...input} />
    </Field>
  );
}
