import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { OwnerRoleResolver } from "../walls/policy.ts";
import { leadRoles } from "./constants.ts";
import { groupMembers } from "./schema.ts";

/**
 * A working group's wall belongs to the group: its convener, chair and secretary
 * lead it, its members take part (walls/policy.ts decides what that allows).
 */
export function groupWallRole(db: Db): OwnerRoleResolver {
  return async (wall, actor) => {
    if (wall.ownerType !== "group" || !wall.ownerId || !actor) return null;
    const [membership] = await db
      .select({ role: groupMembers.role })
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, wall.ownerId), eq(groupMembers.userId, actor.id)));
    if (!membership) return null;
    return (leadRoles as readonly string[]).includes(membership.role) ? "lead" : "member";
  };
}
