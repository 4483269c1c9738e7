import type { Actor } from "../../core/caller.ts";
import { type Policy, staffUp } from "../../core/policy.ts";
import { canWorkInGroup, type Membership } from "../groups/policy.ts";
import { type DeliverableStatus, editableStatuses, statusTransitions } from "./constants.ts";

export const deliverablesPolicy = {
  /** The coordination view; accepting or returning a submitted deliverable. */
  coordinate: staffUp,
} as const satisfies Policy<string>;

const isStaff = (actor: Actor | null) => actor !== null && (actor.role === "admin" || actor.role === "staff");

/** A deliverable: the group's members and staff; everyone when both the group and the deliverable are public. */
export function canReadDeliverable(
  group: { isPublic: boolean },
  deliverable: { isPublic: boolean },
  membership: Membership,
  actor: Actor | null,
): boolean {
  return (group.isPublic && deliverable.isPublic) || canWorkInGroup(membership, actor);
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
    .filter((t) => (t.by === "staff" ? isStaff(actor) : canWorkInGroup(membership, actor)))
    .map((t) => t.to);
}
