import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { type OutgoingChange, sseFrame } from "./hub.ts";
import { wallEvents, walls } from "./schema.ts";

/** What the moderator stream says about a change, and what the public one says (null: nothing). */
export interface ChangePayloads {
  type: string;
  public: Record<string, unknown> | null;
  moderator: Record<string, unknown>;
}

/**
 * Appends a change to the wall's log inside the caller's transaction. Taking
 * the seq by updating the wall's row holds that row's lock until commit, so the
 * wall's committed changes are always numbered 1..N without holes.
 */
export async function appendChange(tx: Db | Tx, wallId: string, change: ChangePayloads): Promise<number> {
  const [row] = await tx
    .update(walls)
    .set({ lastSeq: sql`${walls.lastSeq} + 1` })
    .where(eq(walls.id, wallId))
    .returning({ seq: walls.lastSeq });
  if (!row) throw new Error(`wall ${wallId} vanished during a write`);
  await tx.insert(wallEvents).values({
    wallId,
    seq: row.seq,
    type: change.type,
    publicPayload: change.public,
    moderatorPayload: change.moderator,
  });
  return row.seq;
}

/** The stored changes after a seq, as SSE frames for each audience. */
export function createChangeLoader(db: Db) {
  return async (wallId: string, afterSeq: number, limit: number): Promise<OutgoingChange[]> => {
    const rows = await db
      .select({
        seq: wallEvents.seq,
        publicPayload: wallEvents.publicPayload,
        moderatorPayload: wallEvents.moderatorPayload,
      })
      .from(wallEvents)
      .where(and(eq(wallEvents.wallId, wallId), gt(wallEvents.seq, afterSeq)))
      .orderBy(asc(wallEvents.seq))
      .limit(limit);
    return rows.map((r) => ({
      seq: r.seq,
      publicFrame: r.publicPayload === null ? null : sseFrame(r.seq, "change", r.publicPayload),
      moderatorFrame: sseFrame(r.seq, "change", r.moderatorPayload),
    }));
  };
}
