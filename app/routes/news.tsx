import { presentPostsPage } from "../../src/modules/publishing/presenters.ts";
import { useI18n } from "../ui/i18n.ts";
import { ButtonLink } from "../ui/kit/Button.tsx";
import { PageTitle } from "../ui/kit/PageTitle.tsx";
import { readCursor } from "../ui/kit/table-query.ts";
import { FollowLinks } from "../ui/publishing/FollowLinks.tsx";
import { PostList } from "../ui/publishing/PostList.tsx";
import publishingCss from "../ui/publishing/publishing.css?url";
import { load } from "../web/actions.server.ts";
import type { Route } from "./+types/news";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: publishingCss }];

/** News items newest first, ten at a time. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const { services, caller } = context;
  const cursor = readCursor(new URL(request.url).search);
  return load(async () => ({
    page: presentPostsPage(await services.publishingPosts.listPublished(caller, { kind: "news", cursor, limit: 10 })),
  }));
}

export default function News({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <title>{`${t("publishing.news.title")} – ${t("app.name")}`}</title>
      <PageTitle
        lead={t("publishing.news.lead")}
        actions={<ButtonLink to="/blog">{t("publishing.blog.title")}</ButtonLink>}
      >
        {t("publishing.news.title")}
      </PageTitle>
      <div className="blog-layout">
        <div>
          <PostList
            posts={loaderData.page.items}
            nextCursor={loaderData.page.nextCursor}
            label={t("publishing.news.title")}
          />
        </div>
        <FollowLinks />
      </div>
    </div>
  );
}
