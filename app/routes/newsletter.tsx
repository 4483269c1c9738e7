import { Form, Link } from "react-router";
import { ErrorSummary, errorOf, Notice } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { Field } from "../ui/kit/Field.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { LanguageSelect } from "../ui/newsletter/LanguageSelect.tsx";
import { TextField } from "../ui/TextField.tsx";
import { attempt, fieldsOf } from "../web/actions.server.ts";
import type { Route } from "./+types/newsletter";

/** Subscribing, without JavaScript: the same answer whatever the address (the service decides what is sent). */
export async function action({ context, request }: Route.ActionArgs) {
  const form = await request.formData();
  const fields = fieldsOf(form);
  return attempt(context.caller.locale, async () => {
    await context.services.newsletterSubscribers.subscribe(context.caller, { ...fields, topics: fields.topics ?? "" });
    return { sent: true };
  });
}

export default function Newsletter({ actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const sent = actionData && "sent" in actionData;
  return (
    <div className="narrow stack">
      <title>{`${t("newsletter.subscribe.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("newsletter.subscribe.lead")}>{t("newsletter.subscribe.title")}</PageTitle>
      {sent ? (
        <Notice>{t("newsletter.subscribe.sent")}</Notice>
      ) : (
        <>
          <ErrorSummary error={error} />
          <Form method="post" className="stack">
            <TextField
              name="email"
              type="email"
              autoComplete="email"
              label={t("newsletter.subscribe.email")}
              required
              maxLength={254}
              error={error}
            />
            <LanguageSelect label={t("newsletter.subscribe.locale")} error={error} />
            <TextField name="topics" label={t("newsletter.subscribe.topics")} optional error={error} />
            {/* The consent's own words label the box: they are what the service records as shown. */}
            <Field name="consent" label={t("newsletter.consent.text")} error={error} required>
              <input type="checkbox" value="on" />
            </Field>
            <div className="form-actions">
              <Button>{t("newsletter.subscribe.submit")}</Button>
            </div>
          </Form>
        </>
      )}
      <p>
        <Link to="/newsletter/archive">{t("newsletter.archive.title")}</Link>
      </p>
    </div>
  );
}
