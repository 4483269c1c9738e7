import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../core/caller.ts";
import type { Db, Tx } from "../../db/client.ts";
import { AppError } from "../../http/errors.ts";
import type { Membership } from "./policy.ts";
import { deliverableSections, deliverables, groupMembers, workingGroups } from "./schema.ts";

export type GroupRow = typeof workingGroups.$inferSelect;
export type DeliverableRow = typeof deliverables.$inferSelect;
export type SectionRow = typeof deliverableSections.$inferSelect;

/** A malformed id finds nothing (rather than a database error). */
export function assertUuid(id: string): void {
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND");
}

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

/** A deliverable with its group and the caller's role in that group. */
export async function findDeliverable(db: Db | Tx, deliverableId: string, actor: Actor | null) {
  assertUuid(deliverableId);
  const [row] = await db
    .select({ deliverable: deliverables, group: workingGroups })
    .from(deliverables)
    .innerJoin(workingGroups, eq(workingGroups.id, deliverables.groupId))
    .where(eq(deliverables.id, deliverableId));
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, membership: await membershipOf(db, row.group.id, actor) };
}

/** A section with its deliverable, the group and the caller's role in that group. */
export async function findSection(db: Db | Tx, sectionId: string, actor: Actor | null) {
  assertUuid(sectionId);
  const [row] = await db
    .select({ section: deliverableSections, deliverable: deliverables, group: workingGroups })
    .from(deliverableSections)
    .innerJoin(deliverables, eq(deliverables.id, deliverableSections.deliverableId))
    .innerJoin(workingGroups, eq(workingGroups.id, deliverables.groupId))
    .where(eq(deliverableSections.id, sectionId));
  if (!row) throw new AppError("NOT_FOUND");
  return { ...row, membership: await membershipOf(db, row.group.id, actor) };
}
