import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import type { Localised } from "./constants.ts";

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A deliverable template (e.g. "Uuden toimintamallin kuvaus"); built-in ones have a key. */
export const deliverableTemplates = pgTable("deliverable_templates", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Set on templates the workspace ships with, so installing them again finds them. */
  key: text("key").unique(),
  name: jsonb("name").$type<Localised>().notNull(),
  description: jsonb("description").$type<Localised>().notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt,
  updatedAt,
});

export const templateSections = pgTable(
  "deliverable_template_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => deliverableTemplates.id, { onDelete: "cascade" }),
    /** 1-based: the section's number. */
    position: integer("position").notNull(),
    title: jsonb("title").$type<Localised>().notNull(),
    /** What to write in the section (the template's bracketed instruction). */
    guidance: jsonb("guidance").$type<Localised>().notNull(),
  },
  (t) => [uniqueIndex("deliverable_template_sections_position_idx").on(t.templateId, t.position)],
);
