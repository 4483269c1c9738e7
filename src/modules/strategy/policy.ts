import type { Actor } from "../../core/caller.ts";
import { allows, anyone, type Policy, staffUp } from "../../core/policy.ts";
import { type GroupRole, groupRoles } from "../groups/constants.ts";
import type { Membership } from "../groups/policy.ts";
import { isPublished, type StrategyStatus } from "./constants.ts";

/** The workspace roles' rules for strategies. */
export const strategyPolicy = {
  /** Strategies in consultation, adopted and archived (earlier periods stay readable): everyone, also without an account. */
  readStrategies: anyone,
  /** A draft strategy: staff only. */
  readDrafts: staffUp,
  /** Strategies, their goals and indicators, and every indicator's measurements. */
  manageStrategies: staffUp,
} as const satisfies Policy<string>;

export type StrategyAction = keyof typeof strategyPolicy;

/**
 * The group roles' rules: a goal's responsible working group (its convener, chair, secretary and members) may
 * enter and correct the measurements of the goal's indicators, once the strategy is public (in consultation,
 * adopted or archived: a draft is for staff only).
 */
export const strategyGroupRolesPolicy = {
  enterMeasurements: groupRoles,
} as const satisfies Record<string, readonly GroupRole[]>;

/** Whether the caller may read a strategy of this status. */
export const canReadStrategy = (status: StrategyStatus, actor: Actor | null): boolean =>
  allows(isPublished(status) ? strategyPolicy.readStrategies : strategyPolicy.readDrafts, actor);

export const canManageStrategies = (actor: Actor | null): boolean => allows(strategyPolicy.manageStrategies, actor);

/**
 * Whether the caller may enter, correct and delete measurements of a goal's indicators: staff, or a person in
 * the goal's responsible group (`membership`: their role in it) when the strategy is public.
 */
export function canEnterMeasurements(status: StrategyStatus, membership: Membership, actor: Actor | null): boolean {
  if (canManageStrategies(actor)) return true;
  if (!actor || membership === null || !isPublished(status)) return false;
  return (strategyGroupRolesPolicy.enterMeasurements as readonly GroupRole[]).includes(membership);
}
