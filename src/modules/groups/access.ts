import { and, eq } from "drizzle-orm";
import type { Actor } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Membership } from "./policy.ts";
import { groupMembers, workingGroups } from "./schema.ts";

export type GroupRow = typeof workingGroups.$inferSelect;

/** Refused: a visitor is asked to sign in (they might be a member), a signed-in person is refused. */
export const refused = (actor: Actor | null) => new AppError(actor ? "FORBIDDEN" : "UNAUTHENTICATED");

export async function findGroup(db: Db | Tx, where: ReturnType<typeof eq>): Promise<GroupRow> {
  const [row] = await db.select().from(workingGroups).where(where);
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

/** The person's role in the group, or null. */
export async function membershipOf(db: Db | Tx, groupId: string, actor: Actor | null): Promise<Membership> {
  if (!actor) return null;
  const [row] = await db
    .select({ role: groupMembers.role })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, groupId), eq(groupMembers.userId, actor.id)));
  return row?.role ?? null;
}
