import type { ErrorBody } from "../../src/http/respond-error.ts";
import { passwordLength } from "../../src/modules/accounts/password-rules.ts";
import { useI18n } from "./i18n.ts";
import { TextField } from "./TextField.tsx";

/** A new password typed twice, with the length rule as a hint. */
export function NewPasswordFields({ error }: { error?: ErrorBody }) {
  const { t } = useI18n();
  return (
    <>
      <TextField
        name="password"
        type="password"
        autoComplete="new-password"
        label={t("reset.newPassword")}
        hintText={t("reset.passwordHint", { min: passwordLength.min })}
        minLength={passwordLength.min}
        error={error}
        required
      />
      <TextField
        name="confirm"
        type="password"
        autoComplete="new-password"
        label={t("reset.confirmPassword")}
        error={error}
        required
      />
    </>
  );
}
