import { and, asc, eq, gt, isNotNull, lt, ne, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { type OutgoingChange, sseFrame } from "./hub.ts";
import type { ChangeFrame } from "./presenters.ts";
import { wallEvents, wallPosts, walls } from "./schema.ts";

/**
 * A post's place in its wall's list: created_at at full microsecond precision, as the list's keyset
 * cursors write it (core/pagination.ts), so a page built from a copy gives the cursor the database would.
 */
export const postKeySql = sql<string>`to_char(${wallPosts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * What the moderator stream says about a change, and what the public one says
 * (null: nothing). Both are change frames of presenters.ts (changeFrameSchema):
 * the stream sends the presenters' shapes, as the API does.
 */
export interface ChangePayloads {
  type: ChangeFrame["type"];
  public: ChangeFrame | null;
  moderator: ChangeFrame;
  /** The post the change is about; null or absent for the wall's own settings. */
  postId?: string | null;
  /**
   * The change carries the post's whole current state (not only its counts):
   * it supersedes the earlier entries about the post, which are scrubbed (see
   * scrubEarlier). A reaction carries counts only and supersedes nothing.
   */
  supersedes?: boolean;
}

/** The type (and moderator payload type) of an entry whose content a later entry about the same post replaced. */
export const scrubbedType = "post.scrubbed" as const;

/**
 * Appends a change to the wall's log inside the caller's transaction. Taking
 * the seq by updating the wall's row holds that row's lock until commit, so the
 * wall's committed changes are always numbered 1..N without holes.
 */
export async function appendChange(tx: Db | Tx, wallId: string, change: ChangePayloads): Promise<number> {
  const postId = change.postId ?? null;
  // One round trip for both: the seq taken from the wall's row and the entry written with it.
  const next = sql`update ${walls} set ${sql.identifier(walls.lastSeq.name)} = ${walls.lastSeq} + 1
    where ${walls.id} = ${wallId} returning ${walls.lastSeq}`;
  const result = await tx.execute<{ seq: number | string }>(sql`
    with next as (${next})
    insert into ${wallEvents} (wall_id, seq, type, post_id, public_payload, moderator_payload)
    select ${wallId}, next.last_seq, ${change.type}, ${postId},
      ${change.public === null ? null : JSON.stringify(change.public)}::jsonb, ${JSON.stringify(change.moderator)}::jsonb
    from next
    returning ${wallEvents.seq} as seq`);
  const row = (result as unknown as { rows: { seq: number | string }[] }).rows[0];
  if (!row) throw new Error(`wall ${wallId} vanished during a write`);
  const seq = Number(row.seq);
  if (postId && change.supersedes) await scrubEarlier(tx, wallId, postId, seq, change.public !== null);
  return seq;
}

/**
 * The log keeps a post's content only in the latest entry that says it, for
 * each audience: a replay then gives the post's current state and nothing it
 * said before (an edit's earlier versions, a deleted post's text, a hidden
 * post's text to the public). The entries before `seq` lose their moderator
 * payload (they replay as nothing to moderators: the new entry carries the
 * whole state); their public payload goes too when the new entry says
 * something to the public. A report (moderators only) leaves the public's
 * latest entry alone, which still is the post as the public sees it.
 *
 * Skipping a scrubbed entry is exact for a client resuming from any seq: a
 * scrubbed entry always has a later unscrubbed one about the same post, for
 * the same audience, that carries the post's whole state (a "post", or a
 * "post.removed" tombstone), and a resuming client receives that one.
 * The seqs stay 1..N; only what the rows say changes.
 */
async function scrubEarlier(tx: Db | Tx, wallId: string, postId: string, seq: number, publicToo: boolean) {
  await tx
    .update(wallEvents)
    .set({
      type: scrubbedType,
      moderatorPayload: { type: scrubbedType, id: postId },
      ...(publicToo ? { publicPayload: null } : {}),
    })
    .where(
      and(
        eq(wallEvents.wallId, wallId),
        eq(wallEvents.postId, postId),
        lt(wallEvents.seq, seq),
        or(ne(wallEvents.type, scrubbedType), publicToo ? isNotNull(wallEvents.publicPayload) : undefined),
      ),
    );
}

/** The stored changes after a seq, as SSE frames for each audience (a scrubbed entry has none for moderators). */
export function createChangeLoader(db: Db) {
  return async (wallId: string, afterSeq: number, limit: number): Promise<OutgoingChange[]> => {
    const rows = await db
      .select({
        seq: wallEvents.seq,
        type: wallEvents.type,
        publicPayload: wallEvents.publicPayload,
        moderatorPayload: wallEvents.moderatorPayload,
        postId: wallPosts.id,
        participantHash: wallPosts.participantHash,
        postKey: postKeySql,
      })
      .from(wallEvents)
      .leftJoin(wallPosts, eq(wallPosts.id, wallEvents.postId))
      .where(and(eq(wallEvents.wallId, wallId), gt(wallEvents.seq, afterSeq)))
      .orderBy(asc(wallEvents.seq))
      .limit(limit);
    return rows.map((r) => ({
      seq: r.seq,
      publicFrame: r.publicPayload === null ? null : frameBytes(r.seq, r.publicPayload),
      moderatorFrame: r.type === scrubbedType ? null : frameBytes(r.seq, r.moderatorPayload),
      data: {
        type: r.type,
        public: r.publicPayload,
        moderator: r.type === scrubbedType ? null : r.moderatorPayload,
        post:
          r.postId && r.participantHash && r.postKey
            ? { id: r.postId, participantHash: r.participantHash, key: r.postKey }
            : null,
      },
    }));
  };
}

/**
 * A stored change as the bytes every subscriber of its audience is sent: serialised and encoded once here,
 * then written as is to each socket. Entries written before the stream stopped carrying the Markdown
 * source lose it here, so a replay too carries each post's text once (as its rendered `html`).
 */
function frameBytes(seq: number, payload: unknown): Buffer {
  const frame = payload as { type?: string; post?: Record<string, unknown> };
  if (frame.type === "post" && frame.post && "body" in frame.post && "html" in frame.post) {
    const { body: _source, ...shown } = frame.post;
    return Buffer.from(sseFrame(seq, "change", { ...frame, post: shown }));
  }
  return Buffer.from(sseFrame(seq, "change", payload));
}
