import { and, asc, inArray, isNull } from "drizzle-orm";
import { instantToHelsinki } from "../../core/dates.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { DeadlineKind, DeliverableStatus } from "./constants.ts";
import { deliverableDeadlines } from "./schema.ts";

export interface NextDeadline {
  kind: DeadlineKind;
  label: string;
  /** "YYYY-MM-DD" */
  dueOn: string;
  overdue: boolean;
}

/** Today's date in Finland, "YYYY-MM-DD": deadlines are Finnish calendar days. */
export const helsinkiToday = (now: Date = new Date()): string => instantToHelsinki(now).date;

/**
 * Each deliverable's next deadline: its earliest one not yet marked met; none
 * once the deliverable is accepted. Overdue when that date is before today.
 */
export async function nextDeadlines(
  db: Db | Tx,
  items: { id: string; status: DeliverableStatus }[],
  today: string,
): Promise<Map<string, NextDeadline>> {
  const open = items.filter((d) => d.status !== "accepted").map((d) => d.id);
  const result = new Map<string, NextDeadline>();
  if (open.length === 0) return result;
  const rows = await db
    .select()
    .from(deliverableDeadlines)
    .where(and(inArray(deliverableDeadlines.deliverableId, open), isNull(deliverableDeadlines.completedAt)))
    .orderBy(asc(deliverableDeadlines.dueOn), asc(deliverableDeadlines.createdAt));
  for (const row of rows) {
    if (result.has(row.deliverableId)) continue;
    result.set(row.deliverableId, { kind: row.kind, label: row.label, dueOn: row.dueOn, overdue: row.dueOn < today });
  }
  return result;
}
