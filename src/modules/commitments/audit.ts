import { defineAuditActions } from "../../core/write.ts";

/** Every write of the commitments module records one of these (module "commitments"). */
export const commitmentsAuditActions = [
  "folder.create",
  "folder.update",
  "folder.reminders",
  "contract.create",
  "contract.update",
  "contract.reminders",
  "contract.import",
  "party.create",
  "party.update",
  "party.delete",
  "document.create",
  "document.version",
  "reminder.send",
  "secondment.create",
  "secondment.update",
  "grant.create",
  "grant.update",
  "cost.create",
  "cost.update",
  "cost.delete",
  "decision.create",
  "decision.update",
  "checklist.create",
  "checklist.update",
] as const;
export type CommitmentsAuditAction = (typeof commitmentsAuditActions)[number];
export const commitmentsAudit = defineAuditActions("commitments", commitmentsAuditActions);
