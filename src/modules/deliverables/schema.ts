import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { localeEnum, users } from "../accounts/schema.ts";
import { workingGroups } from "../groups/schema.ts";
import { deliverableTemplates } from "../templates/schema.ts";
import { deadlineKinds, deliverableStatuses } from "./constants.ts";

export const deliverableStatus = pgEnum("deliverable_status", deliverableStatuses);
export const deadlineKind = pgEnum("deadline_kind", deadlineKinds);

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A group's document made from a template, written in one language. */
export const deliverables = pgTable(
  "deliverables",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    templateId: uuid("template_id").references(() => deliverableTemplates.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    locale: localeEnum("locale").notNull().default("fi"),
    status: deliverableStatus("status").notNull().default("draft"),
    isPublic: boolean("is_public").notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [index("deliverables_group_idx").on(t.groupId)],
);

/** A deliverable's section: the template's title and guidance copied, and the current text. */
export const deliverableSections = pgTable(
  "deliverable_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    guidance: text("guidance").notNull().default(""),
    /** The latest version's text (a small Markdown subset); 0 and "" before the first save. */
    body: text("body").notNull().default(""),
    version: integer("version").notNull().default(0),
    updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedByName: text("updated_by_name"),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("deliverable_sections_position_idx").on(t.deliverableId, t.position)],
);

/** Every save of a section: who, when, the whole text. */
export const sectionVersions = pgTable(
  "deliverable_section_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => deliverableSections.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Kept with the version, so the history still says who even if the account goes. */
    authorName: text("author_name").notNull(),
    createdAt,
  },
  (t) => [uniqueIndex("deliverable_section_versions_idx").on(t.sectionId, t.version)],
);

export const sectionComments = pgTable(
  "deliverable_section_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => deliverableSections.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    body: text("body").notNull(),
    createdAt,
  },
  (t) => [index("deliverable_section_comments_idx").on(t.sectionId, t.createdAt)],
);

/** Preliminary outputs, finished outputs, the report to the coordination group, or another date. */
export const deliverableDeadlines = pgTable(
  "deliverable_deadlines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    kind: deadlineKind("kind").notNull(),
    label: text("label").notNull().default(""),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    /** Marked met by the group; an open deadline whose date has passed is overdue. */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt,
  },
  (t) => [index("deliverable_deadlines_idx").on(t.deliverableId, t.dueOn)],
);

export const deliverableStatusChanges = pgTable(
  "deliverable_status_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliverableId: uuid("deliverable_id")
      .notNull()
      .references(() => deliverables.id, { onDelete: "cascade" }),
    fromStatus: deliverableStatus("from_status").notNull(),
    toStatus: deliverableStatus("to_status").notNull(),
    comment: text("comment").notNull().default(""),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    actorName: text("actor_name").notNull(),
    createdAt,
  },
  (t) => [index("deliverable_status_changes_idx").on(t.deliverableId, t.createdAt)],
);
