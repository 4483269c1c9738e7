import { Link } from "react-router";
import { presentArchive } from "../../src/modules/newsletter/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/newsletter-archive";

export async function loader({ context }: Route.LoaderArgs) {
  return load(async () => ({
    issues: presentArchive(await context.services.newsletterIssues.archive(context.caller)),
  }));
}

export default function NewsletterArchive({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  return (
    <div className="narrow stack">
      <title>{`${t("newsletter.archive.title")} – ${t("app.name")}`}</title>
      <PageTitle lead={t("newsletter.archive.lead")}>{t("newsletter.archive.title")}</PageTitle>
      {loaderData.issues.length === 0 ? (
        <p>{t("newsletter.archive.empty")}</p>
      ) : (
        <ul className="stack">
          {loaderData.issues.map((issue) => (
            <li key={issue.id} lang={issue.locale}>
              <Link to={`/newsletter/archive/${issue.id}`}>{issue.subject}</Link>{" "}
              <span lang={undefined}>– {t("newsletter.archive.sentAt", { date: date(issue.sentAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/newsletter">{t("newsletter.archive.subscribe")}</Link>
      </p>
    </div>
  );
}
