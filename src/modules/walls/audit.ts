import type { Db, Tx } from "../../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import type { WallViewer } from "./viewer.ts";

/**
 * Every action the walls module records in the audit log (module "walls").
 * `post.delete` is the same whether the writer or a moderator deletes; the
 * actor tells which. A later platform change turns these into a typed enum.
 */
export const wallAuditActions = [
  "wall.create",
  "wall.update",
  "wall.close",
  "post.create",
  "post.edit",
  "post.delete",
  "post.react",
  "post.report",
  "post.approve",
  "post.hide",
  "post.pin",
  "post.move",
] as const;
export type WallAuditAction = (typeof wallAuditActions)[number];

/**
 * Records a write on a post inside the write's transaction. The actor is the
 * participant's pseudonymous id (the hash the post rows store, never an
 * address), plus the account of a signed-in person. Never the post's text:
 * the audit log must not keep what a delete or an edit removed.
 */
export async function auditPostWrite(
  tx: Db | Tx,
  viewer: Pick<WallViewer, "actor" | "participantHash">,
  action: WallAuditAction,
  postId: string,
  details: { wallId: string } & Record<string, unknown>,
): Promise<void> {
  await recordAudit(tx, {
    actorId: viewer.actor?.id ?? null,
    actorParticipant: viewer.participantHash,
    module: "walls",
    action,
    targetType: "post",
    targetId: postId,
    details,
  });
}
