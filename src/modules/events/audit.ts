import type { Caller } from "../../core/caller.ts";
import type { Db, Tx } from "../../db/client.ts";
import { recordAudit } from "../audit/record.ts";

/** Every action the events module writes to the audit log (a later change makes these a typed enum per module). */
export const eventAuditActions = [
  "event.create",
  "event.update",
  "agenda.add",
  "agenda.remove",
  "workshop.add",
  "workshop.start",
  "workshop.next",
  "workshop.previous",
  "workshop.stop",
  "registration.create",
  "summary.save",
  "summary.publish",
  "series.create",
] as const;

export type EventAuditAction = (typeof eventAuditActions)[number];

/**
 * The events module's audit row; call it inside the write's transaction. A
 * participant without an account is recorded by their participant hash, never
 * an address.
 */
export function auditEvent(
  tx: Db | Tx,
  caller: Caller & { participantHash?: string | null },
  action: EventAuditAction,
  target: { type: "event" | "workshop" | "series"; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(tx, {
    actorId: caller.actor?.id ?? null,
    actorParticipant: caller.actor ? null : (caller.participantHash ?? null),
    module: "events",
    action,
    targetType: target.type,
    targetId: target.id,
    details,
  });
}
