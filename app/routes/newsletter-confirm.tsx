import { Form, Link } from "react-router";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { attempt } from "../web/actions.server.ts";
import type { Route } from "./+types/newsletter-confirm";

/** The link only shows a button: a mail scanner opening the link confirms nothing; the POST does. */
export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  return attempt(context.caller.locale, async () => {
    await context.services.newsletterSubscribers.confirm(context.caller, { token: String(form.get("token") ?? "") });
    return { done: true };
  });
}

export default function NewsletterConfirm({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const done = actionData && "done" in actionData;
  return (
    <div className="narrow stack">
      <title>{`${t("newsletter.confirm.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t("newsletter.confirm.title")}</PageTitle>
      {done ? (
        <Notice>{t("newsletter.confirm.done")}</Notice>
      ) : (
        <>
          <ErrorSummary error={error} />
          <p>{t("newsletter.confirm.lead")}</p>
          <Form method="post">
            <input type="hidden" name="token" value={loaderData.token} />
            <Button>{t("newsletter.confirm.submit")}</Button>
          </Form>
        </>
      )}
      <p>
        <Link to="/newsletter/archive">{t("newsletter.archive.title")}</Link>
      </p>
    </div>
  );
}
