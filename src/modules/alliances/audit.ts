import { defineAuditActions } from "../../core/write.ts";

/** Every write of the alliances module records one of these (module "alliances"). */
export const alliancesAuditActions = [
  "alliance.create",
  "alliance.update",
  "party.set",
  "member.set",
  "member.remove",
  "contribution.create",
  "contribution.delete",
  "budget.create",
  "budget.delete",
  "cost.create",
  "cost.delete",
  "cost.import",
  "model.create",
  "settlement.create",
  "settlement.approve",
  "decision.create",
  "attachment.create",
  "gate.decide",
  "invoice.create",
  "invoice.payment",
] as const;
export type AlliancesAuditAction = (typeof alliancesAuditActions)[number];
export const alliancesAudit = defineAuditActions("alliances", alliancesAuditActions);
