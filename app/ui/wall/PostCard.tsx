import { useFetcher } from "react-router";
import { useI18n } from "../i18n.ts";
import { SanitisedHtml } from "../SanitisedHtml.tsx";
import type { WallPost, WallView } from "./types.ts";

interface PostCardProps {
  post: WallPost;
  wall: WallView;
  replies: WallPost[];
  canModerate: boolean;
  canPost: boolean;
  position: number;
  setSize: number;
  highlighted?: boolean;
  /** Presenter mode: large type, no controls. */
  presenting?: boolean;
  onReply?: (post: WallPost) => void;
  onEdit?: (post: WallPost) => void;
}

/** One button that posts an intent to the wall page's action (a plain form without JavaScript). */
function ActionButton({
  intent,
  postId,
  label,
  pressed,
  extra,
}: {
  intent: string;
  postId: string;
  label: string;
  pressed?: boolean;
  extra?: Record<string, string>;
}) {
  const fetcher = useFetcher();
  const error = (fetcher.data as { error?: { message: string } } | undefined)?.error;
  return (
    <fetcher.Form method="post" className="post-action">
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="postId" value={postId} />
      {extra &&
        Object.entries(extra).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      <button type="submit" className="post-button" aria-pressed={pressed} disabled={fetcher.state !== "idle"}>
        {label}
      </button>
      {error && (
        <span role="alert" className="field-error">
          {error.message}
        </span>
      )}
    </fetcher.Form>
  );
}

export function PostCard({
  post,
  wall,
  replies,
  canModerate,
  canPost,
  position,
  setSize,
  highlighted,
  presenting,
  onReply,
  onEdit,
}: PostCardProps) {
  const { t, dateTime } = useI18n();
  const titleId = `post-${post.id}-title`;
  const bodyId = `post-${post.id}-body`;
  const author = post.authorName ?? t("walls.anonymous");
  const kindLabel = t(`walls.kind.${post.kind}`);
  return (
    <article
      className={`post post-${post.kind}${post.pinned ? " post-pinned" : ""}${highlighted ? " post-new" : ""}${post.status !== "visible" ? " post-held" : ""}`}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      aria-posinset={position}
      aria-setsize={setSize}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: in an ARIA feed every article is focusable, so keyboard users move post by post
      tabIndex={0}
      data-post-id={post.id}
    >
      <header className="post-header">
        <span className="post-kind">{kindLabel}</span>
        {post.pinned && <span className="post-flag">{t("walls.pinned")}</span>}
        {post.status === "pending" && <span className="post-flag post-flag-warn">{t("walls.status.pending")}</span>}
        {post.status === "hidden" && <span className="post-flag post-flag-warn">{t("walls.status.hidden")}</span>}
        {canModerate && post.reports > 0 && (
          <span className="post-flag post-flag-warn">{t("walls.reported", { count: post.reports })}</span>
        )}
      </header>
      <h3 id={titleId} className="post-title">
        {post.title ?? <span className="visually-hidden">{t("walls.postBy", { kind: kindLabel, author })}</span>}
      </h3>
      <SanitisedHtml id={bodyId} className="post-body" html={post.html} />
      {post.attachment?.kind === "image" && (
        <img
          className="post-image"
          src={post.attachment.url}
          alt={post.attachment.alt ?? ""}
          width={post.attachment.width ?? undefined}
          height={post.attachment.height ?? undefined}
          loading="lazy"
        />
      )}
      {post.attachment && post.attachment.kind !== "image" && (
        <p className="post-attachment">
          <a
            href={post.attachment.url}
            rel="nofollow ugc noopener noreferrer"
            target={post.attachment.kind === "link" ? "_blank" : undefined}
          >
            {post.attachment.kind === "link" ? post.attachment.url : (post.attachment.name ?? t("walls.attachment"))}
          </a>
        </p>
      )}
      <footer className="post-meta">
        <span className="post-author">{author}</span>
        <time dateTime={post.createdAt}>{dateTime(post.createdAt)}</time>
        {post.edited && <span>{t("walls.edited")}</span>}
        <span className="post-counts">
          {t("walls.likes", { count: post.likes })}
          {post.kind === "question" && ` · ${t("walls.votes", { count: post.votes })}`}
        </span>
      </footer>
      {!presenting && canPost && (
        <div className="post-actions">
          <ActionButton intent="like" postId={post.id} label={t("walls.like")} />
          {post.kind === "question" && <ActionButton intent="upvote" postId={post.id} label={t("walls.upvote")} />}
          {onReply && !post.parentId && (
            <button type="button" className="post-button" onClick={() => onReply(post)}>
              {t("walls.reply")}
            </button>
          )}
          {post.mine && onEdit && (
            <button type="button" className="post-button" onClick={() => onEdit(post)}>
              {t("walls.edit")}
            </button>
          )}
          {(post.mine || canModerate) && <ActionButton intent="delete" postId={post.id} label={t("walls.delete")} />}
          {!post.mine && !canModerate && <ActionButton intent="report" postId={post.id} label={t("walls.report")} />}
        </div>
      )}
      {!presenting && canModerate && (
        <fieldset className="post-actions post-moderation">
          <legend className="visually-hidden">{t("walls.moderation")}</legend>
          {post.status !== "visible" && (
            <ActionButton intent="moderate" postId={post.id} label={t("walls.approve")} extra={{ action: "approve" }} />
          )}
          {post.status === "visible" && (
            <ActionButton intent="moderate" postId={post.id} label={t("walls.hide")} extra={{ action: "hide" }} />
          )}
          <ActionButton
            intent="moderate"
            postId={post.id}
            label={post.pinned ? t("walls.unpin") : t("walls.pin")}
            extra={{ action: "pin", on: post.pinned ? "false" : "true" }}
          />
          {wall.sections
            .filter((s) => s.id !== post.sectionId)
            .map((s) => (
              <ActionButton
                key={s.id}
                intent="moderate"
                postId={post.id}
                label={t("walls.moveTo", { section: s.title })}
                extra={{ action: "move", sectionId: s.id }}
              />
            ))}
        </fieldset>
      )}
      {replies.length > 0 && (
        <section className="post-replies" aria-label={t("walls.replies", { count: replies.length })}>
          {replies.map((reply) => (
            <div key={reply.id} className="post-reply">
              <SanitisedHtml className="post-body" html={reply.html} />
              <p className="post-meta">
                <span className="post-author">{reply.authorName ?? t("walls.anonymous")}</span>{" "}
                <time dateTime={reply.createdAt}>{dateTime(reply.createdAt)}</time>
              </p>
            </div>
          ))}
        </section>
      )}
    </article>
  );
}
