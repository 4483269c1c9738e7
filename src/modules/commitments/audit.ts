import { defineAuditActions } from "../../core/write.ts";

/** Every write of the commitments module records one of these (module "commitments"). */
export const commitmentsAuditActions = [
  "folder.create",
  "folder.update",
  "folder.reminders",
  "contract.create",
  "contract.update",
  "contract.reminders",
  "party.create",
  "party.update",
  "party.delete",
  "document.create",
  "document.version",
  "reminder.send",
] as const;
export type CommitmentsAuditAction = (typeof commitmentsAuditActions)[number];
export const commitmentsAudit = defineAuditActions("commitments", commitmentsAuditActions);
