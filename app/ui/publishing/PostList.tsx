import { useLocation } from "react-router";
import type { PostView } from "../../../src/modules/publishing/presenters.ts";
import { useI18n } from "../i18n.ts";
import { pageHref, readCursor } from "../kit/table-query.ts";
import { PostTeaser } from "./PostTeaser.tsx";

/** Teasers a page at a time, with the kit's page links (first page and next, `?cursor=`). */
export function PostList({
  posts,
  nextCursor,
  label,
}: {
  posts: PostView[];
  nextCursor: string | null;
  label: string;
}) {
  const { t } = useI18n();
  const { search } = useLocation();
  const firstPage = readCursor(search) === undefined;
  return (
    <>
      {posts.length === 0 ? (
        <p className="data-table-empty">{t("publishing.none")}</p>
      ) : (
        <div className="post-list">
          {posts.map((post) => (
            <PostTeaser key={post.id} post={post} />
          ))}
        </div>
      )}
      {(!firstPage || nextCursor) && (
        <nav className="data-table-pages" aria-label={t("kit.table.pages", { caption: label })}>
          {!firstPage && (
            <a href={pageHref(search, undefined)} rel="prev">
              <span aria-hidden="true">← </span>
              {t("kit.table.previousPage")}
            </a>
          )}
          {nextCursor && (
            <a href={pageHref(search, nextCursor)} rel="next">
              {t("kit.table.nextPage")}
              <span aria-hidden="true"> →</span>
            </a>
          )}
        </nav>
      )}
    </>
  );
}
