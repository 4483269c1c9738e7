import type { Actor } from "../../core/caller.ts";
import { allows, anyone, type Policy, staffUp } from "../../core/policy.ts";
import { type GroupRole, groupRoles, leadRoles } from "../groups/constants.ts";
import type { Membership } from "../groups/policy.ts";
import { type DeliverableStatus, editableStatuses, statusTransitions } from "./constants.ts";

/** The workspace roles' rules for deliverables, whatever a person's place in the group. */
export const deliverablesPolicy = {
  /** A deliverable both it and its group have published: everyone, also without an account. */
  readPublished: anyone,
  /** Staff write in every group's deliverables, as the group's people do. */
  workInAnyGroup: staffUp,
  /** Staff change any deliverable's title and publicity, as the group's leads do. */
  manageAnyDeliverable: staffUp,
  /** Accepting a submitted deliverable or returning it (the coordinating staff). */
  decideSubmissions: staffUp,
  /** The coordination view: every group's deliverables with their deadlines. */
  coordinate: staffUp,
} as const satisfies Policy<string>;

/**
 * The group roles' rules for the group's own deliverables. Staff may the same
 * (workInAnyGroup, manageAnyDeliverable); a person outside the group nothing.
 */
export const deliverableRolesPolicy = {
  /** Start deliverables, read and write sections, their versions and comments, keep deadlines, move the status. */
  work: groupRoles,
  /** A deliverable's title and whether the public sees it. */
  manage: leadRoles,
} as const satisfies Record<string, readonly GroupRole[]>;

const holds = (roles: readonly GroupRole[], membership: Membership) =>
  membership !== null && roles.includes(membership);

/** The group's people and staff: everything about the group's deliverables but their title and publicity. */
export function canWorkOnDeliverables(membership: Membership, actor: Actor | null): boolean {
  if (!actor) return false;
  return holds(deliverableRolesPolicy.work, membership) || allows(deliverablesPolicy.workInAnyGroup, actor);
}

/** The group's convener, chair and secretary, and staff: a deliverable's title and publicity. */
export function canManageDeliverable(membership: Membership, actor: Actor | null): boolean {
  if (!actor) return false;
  return holds(deliverableRolesPolicy.manage, membership) || allows(deliverablesPolicy.manageAnyDeliverable, actor);
}

/** A deliverable: the group's people and staff; everyone when both the group and the deliverable are public. */
export function canReadDeliverable(
  group: { isPublic: boolean },
  deliverable: { isPublic: boolean },
  membership: Membership,
  actor: Actor | null,
): boolean {
  return (
    (group.isPublic && deliverable.isPublic && allows(deliverablesPolicy.readPublished, actor)) ||
    canWorkOnDeliverables(membership, actor)
  );
}

/** Sections can be written while the deliverable is being worked on (not once submitted or accepted). */
export function isEditable(status: DeliverableStatus): boolean {
  return editableStatuses.includes(status);
}

/** The statuses this person may move the deliverable to from its current one. */
export function allowedTransitions(
  status: DeliverableStatus,
  membership: Membership,
  actor: Actor | null,
): DeliverableStatus[] {
  return statusTransitions
    .filter((t) => t.from === status)
    .filter((t) =>
      t.by === "staff" ? allows(deliverablesPolicy.decideSubmissions, actor) : canWorkOnDeliverables(membership, actor),
    )
    .map((t) => t.to);
}
