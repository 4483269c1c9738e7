import { defineAuditActions } from "../../core/write.ts";
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
export const wallsAudit = defineAuditActions("walls", wallAuditActions);

/**
 * Records a write on a post inside the write's transaction. A participant's
 * own writes (posting, editing or deleting their post, reacting, reporting)
 * name only their pseudonymous id (the hash the post rows store, never an
 * address), also when they are signed in: an anonymous post stays anonymous in
 * the audit log as in the wall. A moderator's actions name their account.
 * Never the post's text: the audit log must not keep what a delete or an edit
 * removed.
 */
export async function auditPostWrite(
  tx: Db | Tx,
  viewer: Pick<WallViewer, "actor" | "participantHash">,
  action: WallAuditAction,
  postId: string,
  details: { wallId: string } & Record<string, unknown>,
  as: "participant" | "moderator",
): Promise<void> {
  await recordAudit(tx, {
    actorId: as === "moderator" ? (viewer.actor?.id ?? null) : null,
    actorParticipant: as === "participant" ? viewer.participantHash : null,
    module: "walls",
    action,
    targetType: "post",
    targetId: postId,
    details,
  });
}
