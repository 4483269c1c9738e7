import { eq } from "drizzle-orm";
import type { Actor } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import type { Db, Tx } from "../../db/client.ts";
import { membershipOf } from "../groups/access.ts";
import { workingGroups } from "../groups/schema.ts";
import { deliverableSections, deliverables } from "./schema.ts";

export type DeliverableRow = typeof deliverables.$inferSelect;
export type SectionRow = typeof deliverableSections.$inferSelect;

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
