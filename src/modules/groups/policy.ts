import type { Actor } from "../../core/caller.ts";
import { allows, anyone, membersUp, type Policy, staffUp } from "../../core/policy.ts";
import { type GroupRole, groupRoles, leadRoles } from "./constants.ts";

/** The workspace roles' rules: what a person may do whatever their place in a group. */
export const groupsPolicy = {
  /** The list of groups: signed-in people see the public groups and their own; staff see all. */
  listGroups: membersUp,
  /** A public group's page: everyone, also without an account. */
  readPublished: anyone,
  /** Creating a group also creates its wall. */
  createGroups: staffUp,
  /** Staff run groups: they see, manage and work in every group, as if they led it. */
  manageAnyGroup: staffUp,
} as const satisfies Policy<string>;

/**
 * The group roles' rules: what a person may do in a group because of their role
 * in it (kokoonkutsuja, puheenjohtaja, sihteeri, jäsen). Staff may all of it
 * (manageAnyGroup); a person outside the group none of it.
 */
export const groupRolesPolicy = {
  /** A private group's page with its members and deliverables. */
  readGroup: groupRoles,
  /** The group's details and members. */
  manageGroup: leadRoles,
  /** The group's wall: taking part (posting, reacting). */
  takePartInWall: groupRoles,
  /** The group's wall: moderating it and its settings. */
  leadWall: leadRoles,
} as const satisfies Record<string, readonly GroupRole[]>;

export type GroupRoleAction = keyof typeof groupRolesPolicy;

/** The caller's role in the group in question, or null when they are not in it. */
export type Membership = GroupRole | null;

/** Whether this person may do the action in this group: by their role in it, or as staff. */
export function allowsInGroup(action: GroupRoleAction, membership: Membership, actor: Actor | null): boolean {
  if (!actor) return false;
  if (membership !== null && (groupRolesPolicy[action] as readonly GroupRole[]).includes(membership)) return true;
  return allows(groupsPolicy.manageAnyGroup, actor);
}

/** Edit the group's details and members: staff, admins, or the group's convener, chair or secretary. */
export const canManageGroup = (membership: Membership, actor: Actor | null): boolean =>
  allowsInGroup("manageGroup", membership, actor);

/** The group's page: everyone when the group is public, otherwise its members and staff. */
export function canReadGroup(group: { isPublic: boolean }, membership: Membership, actor: Actor | null): boolean {
  return (group.isPublic && allows(groupsPolicy.readPublished, actor)) || allowsInGroup("readGroup", membership, actor);
}
