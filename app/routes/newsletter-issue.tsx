import { useEffect } from "react";
import { Form, useRevalidator } from "react-router";
import { presentIssue } from "../../src/modules/newsletter/presenters.ts";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { IssueFields } from "../ui/newsletter/IssueFields.tsx";
import { SendProgress } from "../ui/newsletter/Progress.tsx";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { attempt, fieldsOf, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/newsletter-issue";

export async function loader({ context, request, params }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  const issues = context.services.newsletterIssues;
  return load(async () => ({
    issue: presentIssue(await issues.get(context.caller, params.id)),
    preview: await issues.preview(context.caller, params.id),
  }));
}

const intents = ["save", "send", "pause", "resume"] as const;

export async function action({ context, request, params }: Route.ActionArgs) {
  const fields = fieldsOf(await request.formData());
  const issues = context.services.newsletterIssues;
  const intent = intents.find((i) => i === fields.intent) ?? "save";
  return attempt(context.caller.locale, async () => {
    if (intent === "save") {
      const { intent: _, ...patch } = fields;
      await issues.update(context.caller, params.id, patch);
    } else await issues[intent](context.caller, params.id);
    return { done: intent };
  });
}

export default function NewsletterIssue({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const error = errorOf(actionData);
  const { issue, preview } = loaderData;
  const revalidator = useRevalidator();
  // While it is being sent the page reads the progress again every second (without JavaScript: reload the page).
  useEffect(() => {
    if (issue.status !== "sending") return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle") void revalidator.revalidate();
    }, 1000);
    return () => clearInterval(timer);
  }, [issue.status, revalidator]);
  return (
    <div className="stack">
      <title>{`${issue.subject} – ${t("newsletter.issues.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={`${t("newsletter.issue.status")}: ${t(`newsletter.issue.status.${issue.status}`)}`}>
        {issue.subject}
      </PageTitle>
      <ErrorSummary error={error} />
      {issue.progress && issue.status !== "draft" && <SendProgress progress={issue.progress} />}
      <Form method="post" className="form-actions">
        {issue.status === "draft" && (
          <Button name="intent" value="send">
            {t("newsletter.issue.send")}
          </Button>
        )}
        {issue.status === "sending" && (
          <Button name="intent" value="pause" variant="secondary">
            {t("newsletter.issue.pause")}
          </Button>
        )}
        {issue.status === "paused" && (
          <Button name="intent" value="resume">
            {t("newsletter.issue.resume")}
          </Button>
        )}
      </Form>
      <section aria-labelledby="issue-preview" className="stack">
        <Heading level={2} id="issue-preview">
          {t("newsletter.issue.preview")}
        </Heading>
        <div className="narrow" lang={issue.locale}>
          <SanitisedHtml html={preview.body.html} />
        </div>
        {/* The received mail exactly, HTML part, in a sandbox with no scripts. */}
        <iframe
          title={`${t("newsletter.issue.preview")}: ${issue.subject}`}
          srcDoc={preview.mail.html}
          sandbox=""
          style={{ width: "100%", height: "28rem", border: "1px solid #c8cdd0" }}
        />
        <Heading level={3}>{t("newsletter.issue.previewText")}</Heading>
        <pre style={{ whiteSpace: "pre-wrap" }} lang={issue.locale}>
          {preview.mail.text}
        </pre>
      </section>
      {issue.status === "draft" && (
        <section aria-labelledby="issue-edit" className="narrow stack">
          <Heading level={2} id="issue-edit">
            {t("newsletter.issue.save")}
          </Heading>
          <Form method="post" className="stack" aria-labelledby="issue-edit">
            <input type="hidden" name="intent" value="save" />
            <IssueFields error={error} values={issue} />
            <div className="form-actions">
              <Button>{t("newsletter.issue.save")}</Button>
            </div>
          </Form>
        </section>
      )}
    </div>
  );
}
