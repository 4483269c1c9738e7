import { and, desc, eq } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { auditEvents } from "../../src/modules/audit/schema.ts";

export type AuditRow = typeof auditEvents.$inferSelect;

/**
 * Asserts that a write left its audit row: exactly one row with this module,
 * action and target (newest first if earlier writes made others, pass `count`),
 * naming the expected actor. Returns the row for further checks.
 */
export async function expectAudited(
  db: Db,
  expected: {
    module: string;
    action: string;
    targetId: string | null;
    actorId?: string | null;
    actorParticipant?: string | null;
    details?: Record<string, unknown>;
    count?: number;
  },
): Promise<AuditRow> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.module, expected.module),
        eq(auditEvents.action, expected.action),
        expected.targetId === null ? undefined : eq(auditEvents.targetId, expected.targetId),
      ),
    )
    .orderBy(desc(auditEvents.id));
  expect(rows.length, `audit rows for ${expected.module} ${expected.action} ${expected.targetId}`).toBe(
    expected.count ?? 1,
  );
  const [row] = rows;
  if (!row) throw new Error("unreachable");
  if (expected.actorId !== undefined) expect(row.actorId, "audit actorId").toBe(expected.actorId);
  if (expected.actorParticipant !== undefined)
    expect(row.actorParticipant, "audit actorParticipant").toBe(expected.actorParticipant);
  if (expected.details) expect(row.details, "audit details").toMatchObject(expected.details);
  return row;
}
