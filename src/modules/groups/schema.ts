import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { localeEnum, users } from "../accounts/schema.ts";
import { walls } from "../walls/schema.ts";
import { deadlineKinds, deliverableStatuses, groupRoles, type Localised } from "./constants.ts";

export const groupRole = pgEnum("group_role", groupRoles);
export const deliverableStatus = pgEnum("deliverable_status", deliverableStatuses);
export const deadlineKind = pgEnum("deadline_kind", deadlineKinds);

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** A working group (valmisteluryhmä, työryhmä) with its own wall. */
export const workingGroups = pgTable("working_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  theme: text("theme").notNull().default(""),
  description: text("description").notNull().default(""),
  /** Public groups show their page and their public deliverables to everyone. */
  isPublic: boolean("is_public").notNull().default(false),
  wallId: uuid("wall_id").references(() => walls.id, { onDelete: "set null" }),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt,
  updatedAt,
});

/** A person of the workspace in a group; the convener, chair and secretary are one person each. */
export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: groupRole("role").notNull().default("member"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.userId] }),
    uniqueIndex("group_members_lead_idx").on(t.groupId, t.role).where(sql`${t.role} <> 'member'`),
    index("group_members_user_idx").on(t.userId),
  ],
);

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
