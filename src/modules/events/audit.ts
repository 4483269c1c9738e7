import { defineAuditActions } from "../../core/write.ts";

/**
 * Every action the events module writes to the audit log (module "events").
 * A participant without an account is recorded by their participant hash
 * (the caller's participantHash, which the write path puts into
 * actorParticipant), never an address or what they typed.
 */
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

export const eventsAudit = defineAuditActions("events", eventAuditActions);
