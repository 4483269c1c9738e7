import { data } from "react-router";
import { presentPostsPage } from "../../src/modules/publishing/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { readCursor } from "../ui/kit/table-query.ts";
import { FollowLinks } from "../ui/publishing/FollowLinks.tsx";
import { PostList } from "../ui/publishing/PostList.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/blog-tag";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

/** The posts of one topic; an unknown topic is "not found". */
export async function loader({ context, request, params }: Route.LoaderArgs) {
  const { services, caller } = context;
  const tag = params.tag.toLowerCase();
  if (!(await services.publishingPosts.tagExists(tag))) throw data("NOT_FOUND", { status: 404 });
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    tag,
    page: presentPostsPage(await services.publishingPosts.listPublished(caller, { tag, cursor, limit: 10 })),
  }));
}

export default function BlogTag({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { tag, page } = loaderData;
  const title = t("publishing.tagTitle", { tag });
  const rss = `/feeds/tag/${encodeURIComponent(tag)}/rss.xml`;
  return (
    <div className="stack">
      <title>{`${title} – ${t("app.name")}`}</title>
      <link rel="alternate" type="application/rss+xml" href={rss} title={title} />
      <PageTitle lead={<a href="/blog">{t("publishing.back")}</a>}>{title}</PageTitle>
      <div className="blog-layout">
        <div>
          <PostList posts={page.items} nextCursor={page.nextCursor} label={title} />
        </div>
        <FollowLinks rss={rss} atom={`/feeds/tag/${encodeURIComponent(tag)}/atom.xml`} />
      </div>
    </div>
  );
}
