import { and, eq, isNull, sql } from "drizzle-orm";
import { RateLimiter } from "../../core/rate-limit.ts";
import { parseInput } from "../../core/validate.ts";
import type { Db, Tx } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import { translate } from "../../i18n/translate.ts";
import { prepareAttachmentEdit, prepareFileAttachment } from "./attachments.ts";
import { auditPostWrite, type WallAuditAction } from "./audit.ts";
import { appendChange, type ChangePayloads } from "./events.ts";
import type { WallHub } from "./hub.ts";
import {
  type ModerationInput,
  moderationInput,
  type PostEditInput,
  type PostInput,
  postEditInput,
  postInput,
  type ReactionInput,
  reactionInput,
  reportInput,
} from "./inputs.ts";
import { canModerate, canOpenWall, noOwnerRoles, type OwnerRoleResolver } from "./policy.ts";
import { type PostView, presentPost, publicView } from "./presenters.ts";
import { wallPosts, wallReactions, wallReports, wallSections, walls } from "./schema.ts";
import type { WallViewer } from "./viewer.ts";

type PostRow = typeof wallPosts.$inferSelect;
type WallRow = typeof walls.$inferSelect;

export interface PostLimits {
  /** Posts per participant per minute, and per client address per minute (a hall shares one address). */
  postsPerParticipant: number;
  postsPerAddress: number;
  reactionsPerParticipant: number;
  reactionsPerAddress: number;
}

export const defaultPostLimits: PostLimits = {
  postsPerParticipant: 10,
  postsPerAddress: 300,
  reactionsPerParticipant: 60,
  reactionsPerAddress: 1200,
};

const isPublic = (row: PostRow) => row.status === "visible" && row.deletedAt === null;

/**
 * What a deleted post keeps of its content: nothing. No action undoes a delete
 * (a deleted post is not found for editing or moderation, and no list, export,
 * file or stream shows it), so the row keeps only what a retried submission and
 * the counts need.
 */
const deletion = () => ({
  deletedAt: new Date(),
  title: null,
  body: "",
  authorName: null,
  authorUserId: null,
  attachmentKind: null,
  attachmentFileId: null,
  attachmentUrl: null,
  attachmentName: null,
  attachmentAlt: null,
  attachmentWidth: null,
  attachmentHeight: null,
});

/**
 * The change a post write adds to the wall's log: moderators see the post as it
 * is now; the public sees it only while it is visible, and is told to remove it
 * when it stops being visible. It carries the post's whole state, so it
 * supersedes (scrubs) what the log said about the post before.
 */
function postChange(before: PostRow | null, after: PostRow, view: PostView): ChangePayloads {
  const removed = { type: "post.removed", id: after.id };
  const moderator = after.deletedAt ? removed : { type: "post", post: view };
  const wasPublic = before !== null && isPublic(before);
  const publicPayload = isPublic(after) ? { type: "post", post: publicView(view) } : wasPublic ? removed : null;
  return { type: moderator.type, postId: after.id, supersedes: true, public: publicPayload, moderator };
}

export function createPostService({
  db,
  hub,
  limits = defaultPostLimits,
  ownerRole = noOwnerRoles,
}: {
  db: Db;
  hub: WallHub;
  limits?: PostLimits;
  ownerRole?: OwnerRoleResolver;
}) {
  const postLimiter = new RateLimiter(limits.postsPerParticipant, 60_000);
  const postAddressLimiter = new RateLimiter(limits.postsPerAddress, 60_000);
  const reactionLimiter = new RateLimiter(limits.reactionsPerParticipant, 60_000);
  const reactionAddressLimiter = new RateLimiter(limits.reactionsPerAddress, 60_000);

  async function wallFor(
    viewer: WallViewer,
    wallId: string,
    forWriting: boolean,
  ): Promise<WallRow & { moderator: boolean }> {
    const [wall] = await db.select().from(walls).where(eq(walls.id, wallId));
    if (!wall) throw new AppError("NOT_FOUND");
    const role = await ownerRole(wall, viewer.actor);
    if (!canOpenWall(wall, viewer.actor, viewer.hasJoinCode(wall.id, wall.joinCode), role)) {
      throw new AppError(
        wall.access === "join_code" ? "JOIN_CODE_REQUIRED" : viewer.actor ? "FORBIDDEN" : "UNAUTHENTICATED",
      );
    }
    if (forWriting && wall.closed) throw new AppError("WALL_CLOSED");
    return { ...wall, moderator: canModerate(wall, viewer.actor, role) };
  }

  async function postFor(viewer: WallViewer, postId: string) {
    const [post] = await db
      .select()
      .from(wallPosts)
      .where(and(eq(wallPosts.id, postId), isNull(wallPosts.deletedAt)));
    if (!post) throw new AppError("NOT_FOUND");
    const wall = await wallFor(viewer, post.wallId, true);
    const moderator = wall.moderator;
    const mine = viewer.participantHash !== null && viewer.participantHash === post.participantHash;
    // A post others may not see yet is not there for them.
    if (!isPublic(post) && !moderator && !mine) throw new AppError("NOT_FOUND");
    return { post, wall, moderator, mine };
  }

  /** A section id from the client must be one of this wall's sections. */
  async function assertSectionOf(wallId: string, sectionId: string, locale: WallViewer["locale"]) {
    const [section] = await db
      .select({ id: wallSections.id })
      .from(wallSections)
      .where(and(eq(wallSections.id, sectionId), eq(wallSections.wallId, wallId)));
    if (!section)
      throw new AppError("VALIDATION_FAILED", [{ path: "sectionId", message: translate(locale, "errors.NOT_FOUND") }]);
  }

  function requireParticipant(viewer: WallViewer): string {
    if (!viewer.participantHash) throw new AppError("UNAUTHENTICATED");
    return viewer.participantHash;
  }

  /** Writes a post change, its log entry and its audit row in one transaction, then wakes the live streams. */
  async function commitPostChange(
    viewer: WallViewer,
    audit: { action: WallAuditAction; as: "participant" | "moderator"; details?: Record<string, unknown> },
    wallId: string,
    before: PostRow | null,
    write: (tx: Tx) => Promise<PostRow | undefined>,
  ): Promise<{ row: PostRow; view: PostView }> {
    const after = await db.transaction(async (tx) => {
      const row = await write(tx);
      if (!row) throw new AppError("NOT_FOUND");
      // Rendered once: the change log's payloads and the caller's answer share it.
      const view = presentPost(row);
      await appendChange(tx, wallId, postChange(before, row, view));
      await auditPostWrite(tx, viewer, audit.action, row.id, { wallId, ...audit.details }, audit.as);
      return { row, view };
    });
    hub.notify(wallId);
    return after;
  }

  return {
    /**
     * Adds a post. Returns `created: false` with the existing post when this
     * participant already sent a post with the same idempotency key (a retry).
     */
    async create(
      viewer: WallViewer,
      wallId: string,
      input: PostInput | unknown,
    ): Promise<{ post: PostView; created: boolean }> {
      const participant = requireParticipant(viewer);
      const data = parseInput(postInput, input, viewer.locale);
      const findRetry = async () => {
        const [existing] = await db
          .select()
          .from(wallPosts)
          .where(
            and(
              eq(wallPosts.wallId, wallId),
              eq(wallPosts.participantHash, participant),
              eq(wallPosts.idempotencyKey, data.idempotencyKey),
            ),
          );
        return existing;
      };
      // The in-memory limits first, so a flood costs no database work; a retry of a post already made still gets its post.
      if (!postLimiter.take(participant) || !postAddressLimiter.take(viewer.addressHash)) {
        const existing = await findRetry();
        if (existing) return { post: presentPost(existing), created: false };
        throw new AppError("RATE_LIMITED");
      }
      const wall = await wallFor(viewer, wallId, true);
      const moderator = wall.moderator;
      const existing = await findRetry();
      if (existing) return { post: presentPost(existing), created: false };

      if (!wall.anonymousAllowed && !data.authorName) {
        throw new AppError("VALIDATION_FAILED", [
          { path: "authorName", message: translate(viewer.locale, "walls.nameRequired") },
        ]);
      }
      if (data.sectionId) await assertSectionOf(wallId, data.sectionId, viewer.locale);
      if (data.parentId) {
        const [parent] = await db
          .select({ id: wallPosts.id })
          .from(wallPosts)
          .where(and(eq(wallPosts.id, data.parentId), eq(wallPosts.wallId, wallId), isNull(wallPosts.parentId)));
        if (!parent)
          throw new AppError("VALIDATION_FAILED", [
            { path: "parentId", message: translate(viewer.locale, "errors.NOT_FOUND") },
          ]);
      }
      const attachment = data.attachmentFileId
        ? await prepareFileAttachment(db, viewer.locale, {
            wallId,
            participant,
            fileId: data.attachmentFileId,
            alt: data.attachmentAlt ?? null,
            linkUrl: data.linkUrl,
          })
        : null;

      let duplicate = false;
      const made = await commitPostChange(
        viewer,
        { action: "post.create", as: "participant" },
        wallId,
        null,
        async (tx) => {
          const [inserted] = await tx
            .insert(wallPosts)
            .values({
              wallId,
              sectionId: data.sectionId ?? null,
              parentId: data.parentId ?? null,
              kind: data.kind,
              title: data.title ?? null,
              body: data.body,
              authorName: data.authorName ?? null,
              authorUserId: data.authorName && viewer.actor ? viewer.actor.id : null,
              participantHash: participant,
              idempotencyKey: data.idempotencyKey,
              status: wall.moderation === "pre" && !moderator ? "pending" : "visible",
              ...(data.linkUrl ? { attachmentKind: "link" as const, attachmentUrl: data.linkUrl } : {}),
              ...attachment?.columns,
            })
            .onConflictDoNothing({ target: [wallPosts.wallId, wallPosts.participantHash, wallPosts.idempotencyKey] })
            .returning();
          if (inserted) {
            await attachment?.claim(tx);
            return inserted;
          }
          // The same submission raced in twice: the other one won; roll this one back.
          duplicate = true;
          throw new AppError("CONFLICT");
        },
      ).catch(async (error) => {
        if (!duplicate) throw error;
        const winner = await findRetry();
        if (!winner) throw error;
        return { row: winner, view: presentPost(winner) };
      });
      return { post: made.view, created: !duplicate };
    },

    /** The writer edits their own post (same browser), or a moderator edits any. */
    async edit(viewer: WallViewer, postId: string, input: PostEditInput | unknown): Promise<PostView> {
      const { post, moderator, mine } = await postFor(viewer, postId);
      if (!mine && !moderator) throw new AppError("FORBIDDEN");
      const data = parseInput(postEditInput, input, viewer.locale);
      const attachment = await prepareAttachmentEdit(db, viewer.locale, post, viewer.participantHash, data);
      const row = await commitPostChange(
        viewer,
        { action: "post.edit", as: mine ? "participant" : "moderator" },
        post.wallId,
        post,
        async (tx) => {
          await attachment?.claim?.(tx);
          const [updated] = await tx
            .update(wallPosts)
            .set({
              ...(data.kind ? { kind: data.kind } : {}),
              ...(data.title !== undefined ? { title: data.title } : {}),
              ...(data.body !== undefined ? { body: data.body } : {}),
              ...(data.linkUrl !== undefined
                ? data.linkUrl
                  ? { attachmentKind: "link" as const, attachmentUrl: data.linkUrl }
                  : post.attachmentKind === "link"
                    ? { attachmentKind: null, attachmentUrl: null }
                    : {}
                : {}),
              ...attachment?.columns,
              updatedAt: new Date(),
            })
            .where(eq(wallPosts.id, postId))
            .returning();
          return updated;
        },
      );
      return row.view;
    },

    async remove(viewer: WallViewer, postId: string): Promise<void> {
      const { post, moderator, mine } = await postFor(viewer, postId);
      if (!mine && !moderator) throw new AppError("FORBIDDEN");
      await commitPostChange(
        viewer,
        { action: "post.delete", as: mine ? "participant" : "moderator" },
        post.wallId,
        post,
        async (tx) => (await tx.update(wallPosts).set(deletion()).where(eq(wallPosts.id, postId)).returning())[0],
      );
    },

    /** Like (any post) or upvote (questions); each participant counts once, enforced by the primary key. */
    async react(
      viewer: WallViewer,
      postId: string,
      input: ReactionInput | unknown,
    ): Promise<{ likes: number; votes: number }> {
      const participant = requireParticipant(viewer);
      const data = parseInput(reactionInput, input, viewer.locale);
      const { post } = await postFor(viewer, postId);
      if (data.kind === "upvote" && post.kind !== "question") {
        throw new AppError("VALIDATION_FAILED", [
          { path: "kind", message: translate(viewer.locale, "walls.upvoteQuestionsOnly") },
        ]);
      }
      if (!reactionLimiter.take(participant) || !reactionAddressLimiter.take(viewer.addressHash))
        throw new AppError("RATE_LIMITED");
      const column = data.kind === "like" ? wallPosts.likeCount : wallPosts.voteCount;
      const counts = await db.transaction(async (tx) => {
        const changed = data.on
          ? await tx
              .insert(wallReactions)
              .values({ postId, participantHash: participant, kind: data.kind })
              .onConflictDoNothing()
              .returning()
          : await tx
              .delete(wallReactions)
              .where(
                and(
                  eq(wallReactions.postId, postId),
                  eq(wallReactions.participantHash, participant),
                  eq(wallReactions.kind, data.kind),
                ),
              )
              .returning();
        const [row] = changed.length
          ? await tx
              .update(wallPosts)
              .set(
                data.kind === "like"
                  ? { likeCount: sql`${column} + ${data.on ? 1 : -1}` }
                  : { voteCount: sql`${column} + ${data.on ? 1 : -1}` },
              )
              .where(eq(wallPosts.id, postId))
              .returning()
          : await tx.select().from(wallPosts).where(eq(wallPosts.id, postId));
        if (!row) throw new AppError("NOT_FOUND");
        const payload = { type: "reactions", id: postId, likes: row.likeCount, votes: row.voteCount };
        if (changed.length) {
          // Counts only, never text: this entry supersedes nothing and needs no scrubbing.
          await appendChange(tx, post.wallId, {
            type: "reactions",
            postId,
            public: isPublic(row) ? payload : null,
            moderator: payload,
          });
          await auditPostWrite(
            tx,
            viewer,
            "post.react",
            postId,
            { wallId: post.wallId, kind: data.kind, on: data.on },
            "participant",
          );
        }
        return { likes: row.likeCount, votes: row.voteCount, changed: changed.length > 0 };
      });
      if (counts.changed) hub.notify(post.wallId);
      return { likes: counts.likes, votes: counts.votes };
    },

    /** A participant flags a post for the moderators; once per participant. */
    async report(viewer: WallViewer, postId: string, input: unknown): Promise<void> {
      const participant = requireParticipant(viewer);
      const data = parseInput(reportInput, input ?? {}, viewer.locale);
      const { post } = await postFor(viewer, postId);
      const reported = await db.transaction(async (tx) => {
        const [added] = await tx
          .insert(wallReports)
          .values({ postId, participantHash: participant, reason: data.reason })
          .onConflictDoNothing()
          .returning();
        if (!added) return false;
        const [row] = await tx
          .update(wallPosts)
          .set({ reportCount: sql`${wallPosts.reportCount} + 1` })
          .where(eq(wallPosts.id, postId))
          .returning();
        if (!row) throw new AppError("NOT_FOUND");
        // The moderators' whole state of the post (with its report count); the public's latest entry stays as it is.
        await appendChange(tx, post.wallId, {
          type: "post",
          postId,
          supersedes: true,
          public: null,
          moderator: { type: "post", post: presentPost(row) },
        });
        await auditPostWrite(tx, viewer, "post.report", postId, { wallId: post.wallId }, "participant");
        return true;
      });
      if (reported) hub.notify(post.wallId);
    },

    /** Approve, hide, delete, pin or move a post: the wall's moderators only. */
    async moderate(viewer: WallViewer, postId: string, input: ModerationInput | unknown): Promise<PostView | null> {
      const { post, moderator } = await postFor(viewer, postId);
      if (!moderator) throw new AppError(viewer.actor ? "FORBIDDEN" : "UNAUTHENTICATED");
      const data = parseInput(moderationInput, input, viewer.locale);
      if (data.action === "move" && data.sectionId) await assertSectionOf(post.wallId, data.sectionId, viewer.locale);
      const change =
        data.action === "approve"
          ? { status: "visible" as const }
          : data.action === "hide"
            ? { status: "hidden" as const }
            : data.action === "delete"
              ? deletion()
              : data.action === "pin"
                ? { pinned: data.on }
                : { sectionId: data.sectionId };
      const details =
        data.action === "pin" ? { on: data.on ?? true } : data.action === "move" ? { sectionId: data.sectionId } : {};
      const { row, view } = await commitPostChange(
        viewer,
        { action: `post.${data.action}`, as: "moderator", details },
        post.wallId,
        post,
        async (tx) => (await tx.update(wallPosts).set(change).where(eq(wallPosts.id, postId)).returning())[0],
      );
      return row.deletedAt ? null : view;
    },
  };
}

export type PostService = ReturnType<typeof createPostService>;
