import type { Role } from "../modules/accounts/constants.ts";
import type { Actor } from "./caller.ts";
import { AppError } from "./errors.ts";

/** Who may do an action: the roles that may, and "anyone" for visitors without an account. */
export type Rule = readonly (Role | "anyone")[];
export type Policy<Action extends string> = Record<Action, Rule>;

export const staffUp: Rule = ["admin", "staff"];
export const membersUp: Rule = ["admin", "staff", "member"];
export const adminOnly: Rule = ["admin"];
export const anyone: Rule = ["anyone"];

export function allows(rule: Rule, actor: Actor | null): boolean {
  if (rule.includes("anyone")) return true;
  return actor !== null && rule.includes(actor.role);
}

/** Throws UNAUTHENTICATED for a visitor who might be allowed after signing in, FORBIDDEN otherwise. */
export function authorize<A extends string>(policy: Policy<A>, action: A, actor: Actor | null): void {
  if (allows(policy[action], actor)) return;
  throw new AppError(actor ? "FORBIDDEN" : "UNAUTHENTICATED");
}
