import type { Db } from "../../db/client.ts";
import type { OwnerRoleResolver } from "../walls/policy.ts";
import { membershipOf } from "./access.ts";
import { groupRolesPolicy } from "./policy.ts";

/**
 * A working group's wall belongs to the group: the group's policy says whose
 * role leads it (leadWall: convener, chair, secretary) and whose takes part
 * (takePartInWall); walls/policy.ts decides what leading and taking part allow.
 */
export function groupWallRole(db: Db): OwnerRoleResolver {
  return async (wall, actor, reader = db) => {
    if (wall.ownerType !== "group" || !wall.ownerId || !actor) return null;
    const membership = await membershipOf(reader, wall.ownerId, actor);
    if (!membership) return null;
    if ((groupRolesPolicy.leadWall as readonly string[]).includes(membership)) return "lead";
    if ((groupRolesPolicy.takePartInWall as readonly string[]).includes(membership)) return "member";
    return null;
  };
}
