import { Form } from "react-router";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields } from "../web/actions.server.ts";
import type { Route } from "./+types/forgot-password";

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    await context.services.sessions.requestPasswordReset(
      { headers: request.headers, clientIp: context.clientIp, locale: context.caller.locale },
      (fields.email ?? "").trim().toLowerCase(),
    );
    return { sent: true };
  });
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const sent = actionData && "sent" in actionData;
  return (
    <div className="narrow stack">
      <title>{`${t("forgot.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t("forgot.title")}</PageTitle>
      {sent ? (
        <Notice>{t("forgot.sent")}</Notice>
      ) : (
        <>
          <p>{t("forgot.lead")}</p>
          <ErrorSummary error={error} />
          <Form method="post" className="stack">
            <TextField name="email" type="email" autoComplete="email" label={t("signIn.email")} required />
            <div className="form-actions">
              <Button>{t("forgot.submit")}</Button>
            </div>
          </Form>
        </>
      )}
    </div>
  );
}
