import { canReadDrafts, canWritePosts } from "../../src/modules/publishing/policy.ts";
import { presentPost } from "../../src/modules/publishing/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { AuthorLine } from "../ui/publishing/AuthorLine.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import { SanitisedHtml } from "../ui/SanitisedHtml.tsx";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/blog-post";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

/** One post at its lasting URL; drafts only to staff (a visitor gets "not found"). */
export async function loader({ context, params }: Route.LoaderArgs) {
  const { services, caller, publicUrl } = context;
  return load(async () => {
    const record = await services.publishingPosts.getBySlug(caller, params.slug);
    return {
      post: presentPost(record, { staff: canReadDrafts(caller.actor) }),
      canWrite: canWritePosts(caller.actor),
      publicUrl,
    };
  });
}

export default function BlogPost({ loaderData }: Route.ComponentProps) {
  const { t, dateTime, date } = useI18n();
  const { post, canWrite, publicUrl } = loaderData;
  const url = `${publicUrl}${post.path}`;
  const image = post.cover ? `${publicUrl}${post.cover.path}` : null;
  return (
    <article className="stack post-article" lang={post.locale}>
      <title>{`${post.title} – ${t("app.name")}`}</title>
      <link rel="canonical" href={url} />
      <meta name="description" content={post.summary} />
      <meta property="og:type" content="article" />
      <meta property="og:title" content={post.title} />
      <meta property="og:description" content={post.summary} />
      <meta property="og:url" content={url} />
      <meta property="og:locale" content={{ fi: "fi_FI", sv: "sv_FI", en: "en_GB" }[post.locale]} />
      {post.publishedAt && <meta property="article:published_time" content={post.publishedAt} />}
      {post.correctedAt && <meta property="article:modified_time" content={post.correctedAt} />}
      {post.tags.map((tag) => (
        <meta key={tag} property="article:tag" content={tag} />
      ))}
      {image && <meta property="og:image" content={image} />}
      {post.cover && <meta property="og:image:alt" content={post.cover.alt} />}
      <meta name="twitter:card" content={image ? "summary_large_image" : "summary"} />
      <meta name="twitter:title" content={post.title} />
      <meta name="twitter:description" content={post.summary} />
      {image && <meta name="twitter:image" content={image} />}
      {post.cover && <meta name="twitter:image:alt" content={post.cover.alt} />}
      <PageTitle
        lead={post.summary}
        actions={
          canWrite ? (
            <span className="post-actions">
              <ButtonLink to={`/blog/manage/${post.id}`}>
                {t("publishing.manage.edit", { title: post.title })}
              </ButtonLink>
            </span>
          ) : undefined
        }
      >
        {post.title}
      </PageTitle>
      <p className="post-meta">
        <AuthorLine author={post.author} />
        <br />
        {post.status && post.status !== "published" && <strong>{t(`publishing.status.${post.status}`)} · </strong>}
        {post.publishedAt && (
          <time dateTime={post.publishedAt}>{t("publishing.published", { date: date(post.publishedAt) })}</time>
        )}
        {post.correctedAt && (
          <>
            {" · "}
            <time dateTime={post.correctedAt}>{t("publishing.updated", { date: dateTime(post.correctedAt) })}</time>
          </>
        )}
      </p>
      {post.cover && image && <img className="post-cover" src={post.cover.path} alt={post.cover.alt} />}
      <SanitisedHtml className="post-body" html={post.bodyHtml} />
      {post.tags.length > 0 && (
        <nav aria-label={t("publishing.tags")}>
          <ul className="post-tags">
            {post.tags.map((tag) => (
              <li key={tag}>
                <a href={`/blog/tag/${encodeURIComponent(tag)}`}>{tag}</a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p className="post-actions">
        <a href={post.kind === "news" ? "/news" : "/blog"}>{t("publishing.back")}</a>
      </p>
    </article>
  );
}
