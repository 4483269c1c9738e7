import { useI18n } from "../i18n.ts";
import { Heading } from "../kit/Heading.tsx";

/** The blog page's ways to follow: the feeds, the newsletter and the archive (as on seed 004's page). */
export function FollowLinks({ rss = "/feeds/rss.xml", atom = "/feeds/atom.xml" }: { rss?: string; atom?: string }) {
  const { t } = useI18n();
  return (
    <aside className="follow-links" aria-labelledby="follow-title">
      <Heading level={2} id="follow-title">
        {t("publishing.subscribe")}
      </Heading>
      <ul>
        <li>
          <a href={rss} type="application/rss+xml">
            {t("publishing.rss")}
          </a>{" "}
          (
          <a href={atom} type="application/atom+xml">
            {t("publishing.atom")}
          </a>
          )
        </li>
        <li>
          <a href="/newsletter">{t("publishing.newsletter")}</a>
          <br />
          <span className="muted">{t("publishing.newsletterLead")}</span>
        </li>
        <li>
          <a href="/blog/archive">{t("publishing.archiveLink")}</a>
          <br />
          <span className="muted">{t("publishing.archiveLead")}</span>
        </li>
      </ul>
    </aside>
  );
}
