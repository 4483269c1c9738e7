import { defineAuditActions } from "../../core/write.ts";

/** Every write of the publishing module records one of these (module "publishing"). */
export const publishingAuditActions = [
  "post.create",
  "post.update",
  "post.correct",
  "post.schedule",
  "post.publish",
  "post.unpublish",
  "cover.upload",
  "office.update",
] as const;
export const publishingAudit = defineAuditActions("publishing", publishingAuditActions);
