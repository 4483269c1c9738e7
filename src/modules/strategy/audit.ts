import { defineAuditActions } from "../../core/write.ts";

/** Every write of the strategy module records one of these (module "strategy"). */
export const strategyAuditActions = [
  "strategy.create",
  "strategy.update",
  "goal.create",
  "goal.update",
  "goal.delete",
  "indicator.create",
  "indicator.update",
  "indicator.delete",
  "measurement.create",
  "measurement.update",
  "measurement.delete",
  "measurement.import",
  "consultation.open",
  "consultation.close",
  "environment.create",
] as const;
export type StrategyAuditAction = (typeof strategyAuditActions)[number];
export const strategyAudit = defineAuditActions("strategy", strategyAuditActions);
