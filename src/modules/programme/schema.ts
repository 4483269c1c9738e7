import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import type { Localised } from "../templates/constants.ts";

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A phase of the programme (e.g. pre-preparation, interim administration); dates may be unknown yet. */
export const programmePhases = pgTable("programme_phases", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Set on the phases the workspace ships with. */
  key: text("key").unique(),
  position: integer("position").notNull(),
  name: jsonb("name").$type<Localised>().notNull(),
  description: jsonb("description").$type<Localised>().notNull(),
  startsOn: date("starts_on", { mode: "string" }),
  endsOn: date("ends_on", { mode: "string" }),
  createdAt,
  updatedAt,
});

export const programmeMilestones = pgTable(
  "programme_milestones",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    phaseId: uuid("phase_id").references(() => programmePhases.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [index("programme_milestones_due_idx").on(t.dueOn)],
);
