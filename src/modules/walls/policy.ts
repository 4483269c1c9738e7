import type { Actor } from "../../core/caller.ts";
import { anyone, type Policy, staffUp } from "../../core/policy.ts";

/** Role rules; whether a visitor may open a particular wall is `canOpenWall` below. */
export const wallsPolicy = {
  createWall: staffUp,
  listAllWalls: staffUp,
  /** Staff and admins moderate every wall; a wall's creator moderates their own (see canModerate). */
  moderateAnyWall: staffUp,
  /** Posting, reacting and reporting need only access to the wall. */
  participate: anyone,
} as const satisfies Policy<string>;

export interface WallAccessFacts {
  access: "link" | "join_code" | "members";
  createdBy: string | null;
  ownerType: "standalone" | "event" | "group";
}

/**
 * The person's place in the wall's owner: a working group's convener, chair or
 * secretary leads its wall; its members take part. Null when not in it (or the
 * owner is not a group).
 */
export type OwnerRole = "lead" | "member" | null;

/** Resolves the owner role; the groups module provides it, walls never read group tables. */
export type OwnerRoleResolver = (
  wall: { ownerType: string; ownerId: string | null },
  actor: Actor | null,
) => Promise<OwnerRole>;

export const noOwnerRoles: OwnerRoleResolver = async () => null;

/** May this person moderate this wall: staff, admins, the wall's own creator, or its group's leads. */
export function canModerate(wall: WallAccessFacts, actor: Actor | null, ownerRole: OwnerRole = null): boolean {
  if (!actor) return false;
  return actor.role === "admin" || actor.role === "staff" || wall.createdBy === actor.id || ownerRole === "lead";
}

/**
 * May this visitor open the wall: anyone with the link; only holders of the
 * join code (remembered for the browser) or signed-in people; or only
 * signed-in people.
 */
export function canOpenWall(
  wall: WallAccessFacts,
  actor: Actor | null,
  hasJoinCode: boolean,
  ownerRole: OwnerRole = null,
): boolean {
  if (canModerate(wall, actor, ownerRole)) return true;
  switch (wall.access) {
    case "link":
      return true;
    case "join_code":
      return hasJoinCode || actor !== null;
    case "members":
      // A working group's members-only wall is its members' own, not every signed-in person's.
      return wall.ownerType === "group" ? ownerRole !== null : actor !== null;
  }
}
