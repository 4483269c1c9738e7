import type { PostView } from "../../../src/modules/publishing/presenters.ts";
import { useI18n } from "../i18n.ts";
import { Heading } from "../kit/Heading.tsx";
import { AuthorLine } from "./AuthorLine.tsx";

/** One post in a list: its title, author, date, summary and "read the full story". */
export function PostTeaser({ post, level = 2 }: { post: PostView; level?: 2 | 3 }) {
  const { t, date } = useI18n();
  return (
    <article className="post-teaser" lang={post.locale}>
      <Heading level={level}>
        <a href={post.path}>{post.title}</a>
      </Heading>
      <p className="post-meta">
        <AuthorLine author={post.author} />
        {post.publishedAt && (
          <>
            {" · "}
            <time dateTime={post.publishedAt}>{date(post.publishedAt)}</time>
          </>
        )}
      </p>
      <p>{post.summary}</p>
      <p>
        <a href={post.path} aria-label={t("publishing.readMoreOf", { title: post.title })}>
          {t("publishing.readMore")}
        </a>
      </p>
    </article>
  );
}
