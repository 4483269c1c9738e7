import { Link } from "react-router";
import { presentArchivedIssue } from "../../src/modules/newsletter/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/newsletter-archive-issue";

export async function loader({ context, params }: Route.LoaderArgs) {
  return load(async () => ({
    issue: presentArchivedIssue(await context.services.newsletterIssues.archived(context.caller, params.id)),
  }));
}

export default function NewsletterArchiveIssue({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { issue } = loaderData;
  return (
    <article className="narrow stack">
      <title>{`${issue.subject} – ${t("newsletter.archive.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("newsletter.archive.sentAt", { date: date(issue.sentAt) })}>
        <span lang={issue.locale}>{issue.subject}</span>
      </PageTitle>
      {/* The body as sent: rendered and sanitised on the server when the send started. */}
      <div lang={issue.locale}>
        <SanitisedHtml html={issue.html} />
      </div>
      <p>
        <Link to="/newsletter/archive">{t("newsletter.archive.title")}</Link>
      </p>
    </article>
  );
}
