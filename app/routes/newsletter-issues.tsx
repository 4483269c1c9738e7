import { Form, Link, redirect } from "react-router";
import { presentIssue } from "../../src/modules/newsletter/presenters.ts";
import { ErrorSummary, errorOf } from "../ui/forms.tsx";
import { useI18n } from "../ui/i18n.ts";
import { Button } from "../ui/kit/Button.tsx";
import { DataTable } from "../ui/kit/DataTable.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { IssueFields } from "../ui/newsletter/IssueFields.tsx";
import { attempt, formFields, load, requireSignIn } from "../web/actions.server.ts";
import type { Route } from "./+types/newsletter-issues";

export async function loader({ context, request }: Route.LoaderArgs) {
  requireSignIn(request, context.caller.actor);
  return load(async () => ({
    issues: (await context.services.newsletterIssues.list(context.caller)).map((row) => presentIssue(row)),
  }));
}

export async function action({ context, request }: Route.ActionArgs) {
  const fields = await formFields(request);
  return attempt(context.caller.locale, async () => {
    const issue = await context.services.newsletterIssues.create(context.caller, fields);
    return redirect(`/newsletter/issues/${issue.id}`);
  });
}

export default function NewsletterIssues({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const error = errorOf(actionData);
  return (
    <div className="stack">
      <title>{`${t("newsletter.issues.title")} – ${t("app.name")}`}</title>
      <PageTitle>{t("newsletter.issues.title")}</PageTitle>
      <DataTable
        caption={t("newsletter.issues.title")}
        captionHidden
        rowHeader
        rows={loaderData.issues}
        rowKey={(issue) => issue.id}
        emptyText={t("newsletter.issues.empty")}
        columns={[
          {
            key: "subject",
            header: t("newsletter.issue.subject"),
            cell: (issue) => <Link to={`/newsletter/issues/${issue.id}`}>{issue.subject}</Link>,
          },
          {
            key: "status",
            header: t("newsletter.issue.status"),
            cell: (issue) => t(`newsletter.issue.status.${issue.status}`),
          },
          { key: "createdAt", header: t("newsletter.issue.locale"), cell: (issue) => issue.locale },
          {
            key: "sentAt",
            header: t("newsletter.issue.status.sent"),
            cell: (issue) => (issue.sentAt ? dateTime(issue.sentAt) : ""),
          },
        ]}
      />
      <section aria-labelledby="new-issue" className="narrow stack">
        <Heading level={2} id="new-issue">
          {t("newsletter.issues.new")}
        </Heading>
        <ErrorSummary error={error} />
        <Form method="post" className="stack" aria-labelledby="new-issue">
          <IssueFields error={error} />
          <div className="form-actions">
            <Button>{t("newsletter.issue.save")}</Button>
          </div>
        </Form>
      </section>
    </div>
  );
}
