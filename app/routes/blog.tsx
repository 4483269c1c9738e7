import { canWritePosts } from "../../src/modules/publishing/policy.ts";
import { presentPostsPage } from "../../src/modules/publishing/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { ButtonLink } from "../ui/kit/Button.tsx";
import { Heading } from "../ui/kit/Heading.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { readCursor } from "../ui/kit/table-query.ts";
import { FollowLinks } from "../ui/publishing/FollowLinks.tsx";
import { PostList } from "../ui/publishing/PostList.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/blog";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

/** Blog posts newest first, ten at a time (`?cursor=`), with the topics and the ways to follow. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    page: presentPostsPage(await services.publishingPosts.listPublished(caller, { kind: "blog", cursor, limit: 10 })),
    tags: await services.publishingPosts.tags(caller),
    canWrite: canWritePosts(caller.actor),
  }));
}

export default function Blog({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { page, tags, canWrite } = loaderData;
  return (
    <div className="stack">
      <title>{`${t("publishing.blog.title")} – ${t("app.name")}`}</title>
      <PageTitle
        lead={t("publishing.blog.lead")}
        actions={
          <>
            <ButtonLink to="/news">{t("publishing.news.title")}</ButtonLink>
            {canWrite && <ButtonLink to="/blog/manage">{t("publishing.manage.link")}</ButtonLink>}
          </>
        }
      >
        {t("publishing.blog.title")}
      </PageTitle>
      <div className="blog-layout">
        <div>
          <PostList posts={page.items} nextCursor={page.nextCursor} label={t("publishing.blog.title")} />
        </div>
        <div className="stack">
          <FollowLinks />
          {tags.length > 0 && (
            <nav aria-labelledby="tags-title">
              <Heading level={2} id="tags-title">
                {t("publishing.tags")}
              </Heading>
              <ul className="post-tags">
                {tags.map((tag) => (
                  <li key={tag.tag}>
                    <a href={`/blog/tag/${encodeURIComponent(tag.tag)}`}>
                      {tag.tag} ({tag.count})
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      </div>
    </div>
  );
}
