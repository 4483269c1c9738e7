import { defineAuditActions } from "../../core/write.ts";

/**
 * Every action the walls module records in the audit log (module "walls").
 * `post.delete` is the same whether the writer or a moderator deletes; the
 * actor tells which. `upload.create` is a participant's file upload (target
 * type "upload", the stored file's id). Who a row names: see posts.ts auditedAs.
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
  "upload.create",
] as const;
export type WallAuditAction = (typeof wallAuditActions)[number];
export const wallsAudit = defineAuditActions("walls", wallAuditActions);
