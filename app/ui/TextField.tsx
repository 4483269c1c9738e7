import { TextInput } from "suomifi-ui-components";
import type { ErrorBody } from "../../src/http/respond-error.ts";
import { fieldError } from "./forms.tsx";
import { useI18n } from "./i18n.ts";

interface TextFieldProps {
  name: string;
  /** Needed when two forms on one page have a field of the same name (ids must be unique). */
  id?: string;
  type?: "text" | "email" | "password" | "url" | "tel";
  autoComplete?: string;
  defaultValue?: string;
  hintText?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  label: string;
  /** The form's error; this field shows its own message from it. */
  error?: ErrorBody;
  optional?: boolean;
}

/** A Suomi.fi text input whose id matches the error summary's links (#field-name) and shows its own error. */
export function TextField({ name, id, label, error, optional, ...rest }: TextFieldProps) {
  const { t } = useI18n();
  const message = fieldError(error, name);
  return (
    <TextInput
      id={id ?? `field-${name}`}
      name={name}
      labelText={label}
      status={message ? "error" : "default"}
      statusText={message}
      optionalText={optional ? t("forms.optional") : undefined}
      fullWidth
      {...rest}
    />
  );
}
