import { useI18n } from "../i18n.ts";
import { SanitisedHtml } from "../SanitisedHtml.tsx";
import { ModerationMenu } from "./ModerationMenu.tsx";
import { ActionButton, ToggleButton } from "./PostButtons.tsx";
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
  /** Whether this browser has liked / upvoted the post (its buttons show pressed). */
  liked?: boolean;
  voted?: boolean;
  onReply?: (post: WallPost, opener: HTMLElement) => void;
  onEdit?: (post: WallPost, opener: HTMLElement) => void;
  /** The post is being deleted: the wall moves the focus on once it is gone. */
  onDeleting?: (post: WallPost) => void;
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
  liked = false,
  voted = false,
  onReply,
  onEdit,
  onDeleting,
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
        {highlighted && <span className="post-flag post-flag-new">{t("walls.newFlag")}</span>}
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
      {!presenting && (canPost || canModerate) && (
        <div className="post-actions">
          {canPost && (
            <>
              <ToggleButton intent="like" postId={post.id} label={t("walls.like")} initiallyPressed={liked} />
              {post.kind === "question" && (
                <ToggleButton intent="upvote" postId={post.id} label={t("walls.upvote")} initiallyPressed={voted} />
              )}
              {onReply && !post.parentId && (
                <button type="button" className="post-button" onClick={(e) => onReply(post, e.currentTarget)}>
                  {t("walls.reply")}
                </button>
              )}
              {post.mine && onEdit && (
                <button type="button" className="post-button" onClick={(e) => onEdit(post, e.currentTarget)}>
                  {t("walls.edit")}
                </button>
              )}
              {post.mine && (
                <ActionButton
                  intent="delete"
                  postId={post.id}
                  label={t("walls.delete")}
                  onSubmit={() => onDeleting?.(post)}
                />
              )}
              {!post.mine && !canModerate && (
                <ActionButton intent="report" postId={post.id} label={t("walls.report")} />
              )}
            </>
          )}
          {canModerate && (
            <ModerationMenu describedBy={titleId}>
              {(done) => {
                const after = (ok: boolean) => ok && done();
                return (
                  <>
                    {/* One button whose action follows the post's status, so its answer is still heard
                        when the stream has already shown the post hidden or approved. */}
                    <ActionButton
                      intent="moderate"
                      postId={post.id}
                      label={post.status === "visible" ? t("walls.hide") : t("walls.approve")}
                      extra={{ action: post.status === "visible" ? "hide" : "approve" }}
                      onAnswered={after}
                    />
                    <ActionButton
                      intent="moderate"
                      postId={post.id}
                      label={post.pinned ? t("walls.unpin") : t("walls.pin")}
                      extra={{ action: "pin", on: post.pinned ? "false" : "true" }}
                      onAnswered={after}
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
                          // The post moves to another column (a card of its own there): close now.
                          onSubmit={done}
                        />
                      ))}
                    {!post.mine && (
                      <ActionButton
                        intent="delete"
                        postId={post.id}
                        label={t("walls.delete")}
                        onSubmit={() => onDeleting?.(post)}
                      />
                    )}
                  </>
                );
              }}
            </ModerationMenu>
          )}
        </div>
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
