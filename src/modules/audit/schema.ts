import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";

/** One row per write made through a service, written in the write's own transaction. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** A wall participant without an account: their pseudonymous id (a keyed hash), never an address. */
    actorParticipant: text("actor_participant"),
    module: text("module").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  // The log is paged newest first by (at, id), also when filtered by actor or module.
  (t) => [
    index("audit_events_at_idx").on(t.at, t.id),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    index("audit_events_module_idx").on(t.module, t.at),
  ],
);
