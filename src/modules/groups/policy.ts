import type { Actor } from "../../core/caller.ts";
import { anyone, membersUp, type Policy, staffUp } from "../../core/policy.ts";
import { type GroupRole, isLeadRole } from "./constants.ts";

/**
 * Role rules. What a person may do in a particular group depends also on their
 * role in it: the functions below (canManageGroup, canWorkInGroup, ...).
 */
export const groupsPolicy = {
  /** The list of groups: signed-in people see the public groups and their own; staff see all. */
  listGroups: membersUp,
  /** A public group's page and its public deliverables. */
  readPublished: anyone,
  /** Creating a group also creates its wall. */
  createGroups: staffUp,
  /** Staff run groups: they manage every group and write in every group's deliverables. */
  manageAnyGroup: staffUp,
} as const satisfies Policy<string>;

/** The caller's role in the group in question, or null when they are not in it. */
export type Membership = GroupRole | null;

const isStaff = (actor: Actor | null) => actor !== null && (actor.role === "admin" || actor.role === "staff");

/** Edit the group's details and members: staff, admins, or the group's convener, chair or secretary. */
export function canManageGroup(membership: Membership, actor: Actor | null): boolean {
  if (!actor) return false;
  return isStaff(actor) || (membership !== null && isLeadRole(membership));
}

/** Open the group's wall and deliverables, write sections, comment, set deadlines: its members and staff. */
export function canWorkInGroup(membership: Membership, actor: Actor | null): boolean {
  if (!actor) return false;
  return isStaff(actor) || membership !== null;
}

/** The group's page: everyone when the group is public, otherwise its members and staff. */
export function canReadGroup(group: { isPublic: boolean }, membership: Membership, actor: Actor | null): boolean {
  return group.isPublic || canWorkInGroup(membership, actor);
}
