import { Form } from "react-router";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { attempt } from "../web/actions.server.ts";
import type { Route } from "./+types/newsletter-unsubscribe";

/** GET asks (a link preview must not unsubscribe anyone); POST unsubscribes, also a mail program's one-click. */
export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ context, request }: Route.ActionArgs) {
  // RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to the URL itself, the token in its query.
  const form = await request.formData();
  const token = String(form.get("token") ?? new URL(request.url).searchParams.get("token") ?? "");
  return attempt(context.caller.locale, async () => {
    await context.services.newsletterSubscribers.unsubscribe(context.caller, { token });
    return { done: true };
  });
}

export default function NewsletterUnsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const done = actionData && "done" in actionData;
  return (
    <div className="narrow stack">
      <title>{`${t("newsletter.unsubscribe.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t("newsletter.unsubscribe.title")}</PageTitle>
      {done ? (
        <Notice>{t("newsletter.unsubscribe.done")}</Notice>
      ) : (
        <>
          <ErrorSummary error={error} />
          <p>{t("newsletter.unsubscribe.lead")}</p>
          <Form method="post">
            <input type="hidden" name="token" value={loaderData.token} />
            <Button>{t("newsletter.unsubscribe.submit")}</Button>
          </Form>
        </>
      )}
    </div>
  );
}
