import { redirect } from "react-router";
import { AppError, isAppError } from "../../src/core/errors.ts";
import { translate } from "../../src/i18n/translate.ts";
import { errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { SetPasswordForm } from "../ui/SetPasswordForm.tsx";
import { attempt, formFields } from "../web/actions.server.ts";
import type { Route } from "./+types/invitation";

export async function loader({ context, request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  try {
    return { token, invitation: await context.services.invitations.preview(token) };
  } catch (error) {
    if (isAppError(error)) return { token, invitation: null };
    throw error;
  }
}

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  const { locale } = context.caller;
  return attempt(locale, async () => {
    if (fields.password !== fields.confirm) {
      throw new AppError("VALIDATION_FAILED", [{ path: "confirm", message: translate(locale, "reset.mismatch") }]);
    }
    await context.services.invitations.accept(context.caller, { token: fields.token, password: fields.password });
    return redirect("/sign-in?welcome");
  });
}

export default function Invitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const { invitation, token } = loaderData;
  return (
    <div className="narrow stack">
      <title>{`${t("invite.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t("invite.title")}</PageTitle>
      {!invitation ? (
        <p>{t("errors.LINK_EXPIRED")}</p>
      ) : (
        <>
          <p>{t("invite.lead", { inviter: invitation.inviterName })}</p>
          <dl>
            <dt>{t("people.name")}</dt>
            <dd>{invitation.name}</dd>
            <dt>{t("people.email")}</dt>
            <dd>{invitation.email}</dd>
          </dl>
          <SetPasswordForm token={token} error={error} submitLabel={t("invite.submit")} />
        </>
      )}
    </div>
  );
}
