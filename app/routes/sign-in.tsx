import { Form, redirect, useNavigation, useSearchParams } from "react-router";
import { localPath } from "../../src/core/local-path.ts";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, formFields } from "../web/actions.server.ts";
import type { Route } from "./+types/sign-in";

export function loader({ context, request }: Route.LoaderArgs) {
  if (context.caller.actor) throw redirect(localPath(new URL(request.url).searchParams.get("next")));
  return null;
}

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    const cookies = await context.services.sessions.signIn(
      { headers: request.headers, clientIp: context.clientIp, locale: context.caller.locale },
      { email: fields.email ?? "", password: fields.password ?? "" },
    );
    const headers = new Headers();
    for (const cookie of cookies) headers.append("Set-Cookie", cookie);
    return redirect(localPath(fields.next), { headers });
  });
}

export default function SignIn({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const error = errorOf(actionData);
  const busy = useNavigation().state === "submitting";
  return (
    <div className="narrow stack">
      <title>{`${t("signIn.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t("signIn.title")}</PageTitle>
      {params.get("signedOut") !== null && <Notice>{t("signIn.signedOut")}</Notice>}
      {params.get("reset") !== null && <Notice>{t("reset.done")}</Notice>}
      {params.get("welcome") !== null && <Notice>{t("invite.accepted")}</Notice>}
      <ErrorSummary error={error} />
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="next" value={params.get("next") ?? "/"} />
        <TextField name="email" type="email" autoComplete="username" label={t("signIn.email")} required />
        <TextField
          name="password"
          type="password"
          autoComplete="current-password"
          label={t("signIn.password")}
          required
        />
        <div className="form-actions">
          <Button disabled={busy}>{t("signIn.submit")}</Button>
          <a href="/forgot-password">{t("signIn.forgot")}</a>
        </div>
      </Form>
    </div>
  );
}
