import { defineAuditActions } from "../../core/write.ts";

/** Every write of the programme module records one of these (module "programme"). */
export const programmeAuditActions = [
  "phase.create",
  "phase.update",
  "phase.install",
  "milestone.add",
  "milestone.remove",
] as const;
export const programmeAudit = defineAuditActions("programme", programmeAuditActions);
