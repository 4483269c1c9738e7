import { TextInput } from "suomifi-ui-components";
import { passwordLength } from "../../src/modules/accounts/password-rules.ts";
import { useI18n } from "./i18n.ts";

export function NewPasswordFields({ passwordError, confirmError }: { passwordError?: string; confirmError?: string }) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        id="field-password"
        name="password"
        type="password"
        autoComplete="new-password"
        labelText={t("reset.newPassword")}
        hintText={t("reset.passwordHint", { min: passwordLength.min })}
        status={passwordError ? "error" : "default"}
        statusText={passwordError}
        minLength={passwordLength.min}
        fullWidth
        required
      />
      <TextInput
        id="field-confirm"
        name="confirm"
        type="password"
        autoComplete="new-password"
        labelText={t("reset.confirmPassword")}
        status={confirmError ? "error" : "default"}
        statusText={confirmError}
        fullWidth
        required
      />
    </>
  );
}
