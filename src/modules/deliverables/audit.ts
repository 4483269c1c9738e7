import { defineAuditActions } from "../../core/write.ts";

/** Every write of the deliverables module records one of these (module "deliverables"), targeting the deliverable. */
export const deliverableAuditActions = [
  "deliverable.create",
  "deliverable.update",
  "deliverable.status",
  "section.save",
  "section.comment",
  "deadline.add",
  "deadline.done",
  "deadline.reopen",
  "deadline.remove",
] as const;
export const deliverablesAudit = defineAuditActions("deliverables", deliverableAuditActions);
