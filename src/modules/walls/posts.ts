import { and, eq, isNull, sql } from "drizzle-orm";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { RateLimiter } from "../../core/rate-limit.ts";
import { createWritePath, type WriteCaller, type WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { translate } from "../../i18n/translate.ts";
import { prepareAttachmentEdit, prepareFileAttachment } from "./attachments.ts";
import { type WallAuditAction, wallsAudit } from "./audit.ts";
import { appendChange, type ChangePayloads } from "./change-log.ts";
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
import { noOwnerRoles, type OwnerRoleResolver, wallRights } from "./policy.ts";
import {
  type ChangeFrame,
  livePost,
  type PostSource,
  type PostView,
  presentPost,
  presentPostSource,
} from "./presenters.ts";
import { renderPostBody } from "./render.ts";
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
  bodyHtml: "",
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
  const removed: ChangeFrame = { type: "post.removed", id: after.id };
  // What readers render, without the Markdown source: each frame carries the text once.
  const shown = livePost(view);
  const moderator: ChangeFrame = after.deletedAt ? removed : { type: "post", post: shown };
  const wasPublic = before !== null && isPublic(before);
  const publicPayload: ChangeFrame | null = isPublic(after)
    ? { type: "post", post: { ...shown, reports: 0 } }
    : wasPublic
      ? removed
      : null;
  // A new post has no earlier entries to scrub: one statement fewer per post.
  return { type: moderator.type, postId: after.id, supersedes: before !== null, public: publicPayload, moderator };
}

export function createPostService({
  db,
  hub,
  limits = defaultPostLimits,
  ownerRole = noOwnerRoles,
  writes = createWritePath(db),
}: {
  db: Db;
  hub: WallHub;
  limits?: PostLimits;
  ownerRole?: OwnerRoleResolver;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
}) {
  const write = writes(wallsAudit);
  const postLimiter = new RateLimiter(limits.postsPerParticipant, 60_000);
  const postAddressLimiter = new RateLimiter(limits.postsPerAddress, 60_000);
  const reactionLimiter = new RateLimiter(limits.reactionsPerParticipant, 60_000);
  const reactionAddressLimiter = new RateLimiter(limits.reactionsPerAddress, 60_000);

  /**
   * Who the audit row names. A participant's own writes (posting, editing or
   * deleting their post, reacting, reporting) name only their pseudonymous id
   * (the hash the post rows store, never an address), also when they are
   * signed in: an anonymous post stays anonymous in the audit log as in the
   * wall. A moderator's actions name their account.
   */
  const auditedAs = (viewer: WallViewer, as: "participant" | "moderator"): WriteCaller =>
    as === "participant"
      ? { actor: null, locale: viewer.locale, participantHash: viewer.participantHash }
      : { actor: viewer.actor, locale: viewer.locale, participantHash: null };

  /** The wall if the policy lets this viewer open it (and, for writing, it is not closed), with their rights. */
  async function wallFor(
    viewer: WallViewer,
    wallId: string,
    forWriting: boolean,
  ): Promise<WallRow & { moderator: boolean }> {
    const [wall] = await db.select().from(walls).where(eq(walls.id, wallId));
    if (!wall) throw new AppError("NOT_FOUND");
    const rights = wallRights(
      wall,
      viewer.actor,
      viewer.hasJoinCode(wall.id, wall.joinCode),
      await ownerRole(wall, viewer.actor),
    );
    if (!rights.open) {
      throw new AppError(
        wall.access === "join_code" ? "JOIN_CODE_REQUIRED" : viewer.actor ? "FORBIDDEN" : "UNAUTHENTICATED",
      );
    }
    if (forWriting && wall.closed) throw new AppError("WALL_CLOSED");
    return { ...wall, moderator: rights.moderate };
  }

  async function postFor(viewer: WallViewer, postId: string, forWriting = true) {
    // A malformed id (an empty form field, a mangled URL) names no post; the database is not asked.
    assertUuid(postId);
    const [post] = await db
      .select()
      .from(wallPosts)
      .where(and(eq(wallPosts.id, postId), isNull(wallPosts.deletedAt)));
    if (!post) throw new AppError("NOT_FOUND");
    const wall = await wallFor(viewer, post.wallId, forWriting);
    const moderator = wall.moderator;
    const mine = viewer.participantHash !== null && viewer.participantHash === post.participantHash;
    // A post others may not see yet is not there for them.
    if (!isPublic(post) && !moderator && !mine) throw new AppError("NOT_FOUND");
    return { post, wall, moderator, mine };
  }

  /** A section id from the client must be one of this wall's sections. */
  async function assertSectionOf(tx: Tx, wallId: string, sectionId: string, locale: WallViewer["locale"]) {
    const [section] = await tx
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

  type WriteStep = Parameters<Parameters<typeof write>[0]["run"]>[0];

  /**
   * The post half of a write, inside the write path's transaction: the row
   * change, its log entry and its audit row; the live streams wake after the
   * commit. No statement beyond those: ingestion speed depends on it.
   */
  async function commitPostChange(
    step: WriteStep,
    audit: { action: WallAuditAction; details?: Record<string, unknown> },
    wallId: string,
    before: PostRow | null,
    change: (tx: Tx) => Promise<PostRow | undefined>,
  ): Promise<{ row: PostRow; view: PostView }> {
    const row = await change(step.tx);
    if (!row) throw new AppError("NOT_FOUND");
    // Rendered once: the change log's payloads and the caller's answer share it.
    const view = presentPost(row);
    await appendChange(step.tx, wallId, postChange(before, row, view));
    await step.audit(audit.action, { type: "post", id: row.id }, { wallId, ...audit.details });
    step.afterCommit(() => hub.notify(wallId));
    return { row, view };
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
      let wall: (WallRow & { moderator: boolean }) | null = null;
      const findRetry = async (tx: Tx, idempotencyKey: string) => {
        const [existing] = await tx
          .select()
          .from(wallPosts)
          .where(
            and(
              eq(wallPosts.wallId, wallId),
              eq(wallPosts.participantHash, participant),
              eq(wallPosts.idempotencyKey, idempotencyKey),
            ),
          );
        return existing;
      };
      return write({
        caller: auditedAs(viewer, "participant"),
        allow: async () => {
          // The in-memory limits first, so a flood costs no wall lookup; a retry of a post already made
          // still gets its post (its own, so no wall access is needed to answer it).
          if (postLimiter.take(participant) && postAddressLimiter.take(viewer.addressHash))
            wall = await wallFor(viewer, wallId, true);
        },
        input: { schema: postInput, value: input },
        prepare: (data) => renderPostBody(data.body),
        run: async (step) => {
          const { tx, data, unchanged } = step;
          // A retry is found by the insert's conflict below, one statement fewer per post; looked for first only
          // when the insert would not be reached the same way: a refused rate, or an upload the first try claimed.
          if (!wall || data.attachmentFileId) {
            const existing = await findRetry(tx, data.idempotencyKey);
            if (existing) {
              unchanged();
              return { post: presentPost(existing), created: false };
            }
          }
          if (!wall) throw new AppError("RATE_LIMITED");
          const moderator = wall.moderator;
          if (!wall.anonymousAllowed && !data.authorName) {
            throw new AppError("VALIDATION_FAILED", [
              { path: "authorName", message: translate(viewer.locale, "walls.nameRequired") },
            ]);
          }
          if (data.sectionId) await assertSectionOf(tx, wallId, data.sectionId, viewer.locale);
          if (data.parentId) {
            const [parent] = await tx
              .select({ id: wallPosts.id })
              .from(wallPosts)
              .where(and(eq(wallPosts.id, data.parentId), eq(wallPosts.wallId, wallId), isNull(wallPosts.parentId)));
            if (!parent)
              throw new AppError("VALIDATION_FAILED", [
                { path: "parentId", message: translate(viewer.locale, "errors.NOT_FOUND") },
              ]);
          }
          const attachment = data.attachmentFileId
            ? await prepareFileAttachment(tx, viewer.locale, {
                wallId,
                participant,
                fileId: data.attachmentFileId,
                alt: data.attachmentAlt ?? null,
                linkUrl: data.linkUrl,
              })
            : null;
          const [inserted] = await tx
            .insert(wallPosts)
            .values({
              wallId,
              sectionId: data.sectionId ?? null,
              parentId: data.parentId ?? null,
              kind: data.kind,
              title: data.title ?? null,
              body: data.body,
              bodyHtml: step.prepared,
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
          if (!inserted) {
            // The same submission raced in twice and the other one committed first (the insert waited for it,
            // so this statement sees it): answer with that post; this write changed nothing.
            const winner = await findRetry(tx, data.idempotencyKey);
            if (!winner) throw new AppError("CONFLICT");
            unchanged();
            return { post: presentPost(winner), created: false };
          }
          await attachment?.claim(tx);
          const made = await commitPostChange(step, { action: "post.create" }, wallId, null, async () => inserted);
          return { post: made.view, created: true };
        },
      });
    },

    /**
     * The post's Markdown source for its editor: to its writer (same browser) and the wall's moderators,
     * who may edit it; nobody else (the stream and the lists carry only what is shown).
     */
    async source(viewer: WallViewer, postId: string): Promise<PostSource> {
      const { post, moderator, mine } = await postFor(viewer, postId, false);
      if (!mine && !moderator) throw new AppError("FORBIDDEN");
      return presentPostSource(post);
    },

    /** The writer edits their own post (same browser), or a moderator edits any. */
    async edit(viewer: WallViewer, postId: string, input: PostEditInput | unknown): Promise<PostView> {
      const { post, moderator, mine } = await postFor(viewer, postId);
      return write({
        caller: auditedAs(viewer, mine ? "participant" : "moderator"),
        allow: () => {
          if (!mine && !moderator) throw new AppError("FORBIDDEN");
        },
        input: { schema: postEditInput, value: input },
        prepare: (data) => (data.body !== undefined ? renderPostBody(data.body) : undefined),
        run: async (step) => {
          const { data } = step;
          const attachment = await prepareAttachmentEdit(step.tx, viewer.locale, post, viewer.participantHash, data);
          const { view } = await commitPostChange(step, { action: "post.edit" }, post.wallId, post, async (tx) => {
            await attachment?.claim?.(tx);
            const [updated] = await tx
              .update(wallPosts)
              .set({
                ...(data.kind ? { kind: data.kind } : {}),
                ...(data.title !== undefined ? { title: data.title } : {}),
                ...(data.body !== undefined ? { body: data.body, bodyHtml: step.prepared } : {}),
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
          });
          return view;
        },
      });
    },

    async remove(viewer: WallViewer, postId: string): Promise<void> {
      const { post, moderator, mine } = await postFor(viewer, postId);
      await write({
        caller: auditedAs(viewer, mine ? "participant" : "moderator"),
        allow: () => {
          if (!mine && !moderator) throw new AppError("FORBIDDEN");
        },
        run: async (step) => {
          await commitPostChange(
            step,
            { action: "post.delete" },
            post.wallId,
            post,
            async (tx) => (await tx.update(wallPosts).set(deletion()).where(eq(wallPosts.id, postId)).returning())[0],
          );
        },
      });
    },

    /** Like (any post) or upvote (questions); each participant counts once, enforced by the primary key. */
    async react(
      viewer: WallViewer,
      postId: string,
      input: ReactionInput | unknown,
    ): Promise<{ likes: number; votes: number }> {
      const participant = requireParticipant(viewer);
      const { post } = await postFor(viewer, postId);
      return write({
        caller: auditedAs(viewer, "participant"),
        // Reading the post was the policy (wallFor): anyone who may open the wall reacts.
        allow: () => undefined,
        input: { schema: reactionInput, value: input },
        run: async ({ tx, data, audit, unchanged, afterCommit }) => {
          if (data.kind === "upvote" && post.kind !== "question") {
            throw new AppError("VALIDATION_FAILED", [
              { path: "kind", message: translate(viewer.locale, "walls.upvoteQuestionsOnly") },
            ]);
          }
          if (!reactionLimiter.take(participant) || !reactionAddressLimiter.take(viewer.addressHash))
            throw new AppError("RATE_LIMITED");
          const column = data.kind === "like" ? wallPosts.likeCount : wallPosts.voteCount;
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
          const payload: ChangeFrame = { type: "reactions", id: postId, likes: row.likeCount, votes: row.voteCount };
          if (changed.length) {
            // Counts only, never text: this entry supersedes nothing and needs no scrubbing.
            await appendChange(tx, post.wallId, {
              type: "reactions",
              postId,
              public: isPublic(row) ? payload : null,
              moderator: payload,
            });
            await audit(
              "post.react",
              { type: "post", id: postId },
              { wallId: post.wallId, kind: data.kind, on: data.on },
            );
            afterCommit(() => hub.notify(post.wallId));
          } else unchanged();
          return { likes: row.likeCount, votes: row.voteCount };
        },
      });
    },

    /**
     * Which posts of a wall this browser has liked and upvoted, so the page shows its
     * like and vote buttons pressed (and can take them back). Only the viewer's own.
     */
    async myReactions(viewer: WallViewer, wallId: string): Promise<{ like: string[]; upvote: string[] }> {
      await wallFor(viewer, wallId, false);
      const mine = { like: [] as string[], upvote: [] as string[] };
      if (!viewer.participantHash) return mine;
      const rows = await db
        .select({ postId: wallReactions.postId, kind: wallReactions.kind })
        .from(wallReactions)
        .innerJoin(wallPosts, eq(wallPosts.id, wallReactions.postId))
        .where(and(eq(wallPosts.wallId, wallId), eq(wallReactions.participantHash, viewer.participantHash)));
      for (const row of rows) mine[row.kind].push(row.postId);
      return mine;
    },

    /** A participant flags a post for the moderators; once per participant. */
    async report(viewer: WallViewer, postId: string, input: unknown): Promise<void> {
      const participant = requireParticipant(viewer);
      const { post } = await postFor(viewer, postId);
      await write({
        caller: auditedAs(viewer, "participant"),
        // Reading the post was the policy (wallFor): anyone who may open the wall reports.
        allow: () => undefined,
        input: { schema: reportInput, value: input ?? {} },
        run: async ({ tx, data, audit, unchanged, afterCommit }) => {
          const [added] = await tx
            .insert(wallReports)
            .values({ postId, participantHash: participant, reason: data.reason })
            .onConflictDoNothing()
            .returning();
          if (!added) return unchanged();
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
            moderator: { type: "post", post: livePost(presentPost(row)) },
          });
          await audit("post.report", { type: "post", id: postId }, { wallId: post.wallId });
          afterCommit(() => hub.notify(post.wallId));
        },
      });
    },

    /** Approve, hide, delete, pin or move a post: the wall's moderators only. */
    async moderate(viewer: WallViewer, postId: string, input: ModerationInput | unknown): Promise<PostView | null> {
      const { post, moderator } = await postFor(viewer, postId);
      return write({
        caller: auditedAs(viewer, "moderator"),
        allow: () => {
          if (!moderator) throw new AppError(viewer.actor ? "FORBIDDEN" : "UNAUTHENTICATED");
        },
        input: { schema: moderationInput, value: input },
        run: async (step) => {
          const { data } = step;
          if (data.action === "move" && data.sectionId)
            await assertSectionOf(step.tx, post.wallId, data.sectionId, viewer.locale);
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
            data.action === "pin"
              ? { on: data.on ?? true }
              : data.action === "move"
                ? { sectionId: data.sectionId }
                : {};
          const { row, view } = await commitPostChange(
            step,
            { action: `post.${data.action}`, details },
            post.wallId,
            post,
            async (tx) => (await tx.update(wallPosts).set(change).where(eq(wallPosts.id, postId)).returning())[0],
          );
          return row.deletedAt ? null : view;
        },
      });
    },
  };
}

export type PostService = ReturnType<typeof createPostService>;
