import { redirect, useSearchParams } from "react-router";
import { AppError } from "../../src/core/errors.ts";
import { translate } from "../../src/i18n/translate.ts";
import { errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { SetPasswordForm } from "../ui/SetPasswordForm.tsx";
import { attempt, formFields } from "../web/actions.server.ts";
import type { Route } from "./+types/reset-password";

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  const { locale } = context.caller;
  return attempt(locale, async () => {
    if (!fields.token) throw new AppError("LINK_EXPIRED");
    if (fields.password !== fields.confirm) {
      throw new AppError("VALIDATION_FAILED", [{ path: "confirm", message: translate(locale, "reset.mismatch") }]);
    }
    await context.services.sessions.resetPassword(
      { headers: request.headers, clientIp: context.clientIp, locale: context.caller.locale },
      { token: fields.token, password: fields.password ?? "" },
    );
    return redirect("/sign-in?reset");
  });
}

export default function ResetPassword({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get("token");
  const error = errorOf(actionData);
  return (
    <div className="narrow stack">
      <title>{`${t("reset.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t("reset.title")}</PageTitle>
      {!token ? (
        <p>
          {t("reset.missingToken")} <a href="/forgot-password">{t("forgot.title")}</a>
        </p>
      ) : (
        <SetPasswordForm token={token} error={error} submitLabel={t("reset.submit")} />
      )}
    </div>
  );
}
