import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { walls } from "../walls/schema.ts";
import { agendaItemKinds, emailRequirements } from "./constants.ts";

export const agendaItemKind = pgEnum("agenda_item_kind", agendaItemKinds);
export const emailRequirement = pgEnum("email_requirement", emailRequirements);

/** A named set of events, e.g. a regional tour of six discussion events (seed 002). */
export const eventSeries = pgTable("event_series", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  description: text("description").notNull().default(""),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    place: text("place").notNull().default(""),
    city: text("city").notNull().default(""),
    organiser: text("organiser").notNull().default(""),
    isPublic: boolean("is_public").notNull().default(true),
    seriesId: uuid("series_id").references(() => eventSeries.id, { onDelete: "set null" }),
    /** The regions a series event is for (seed 002: "for Uusimaa and Päijät-Häme"). */
    regions: text("regions").array().notNull().default([]),
    /** Walls limited to the event's participants accept this code. */
    joinCode: text("join_code").notNull(),
    registrationEmail: emailRequirement("registration_email").notNull().default("optional"),
    wallId: uuid("wall_id").references(() => walls.id, { onDelete: "set null" }),
    /** Published after the event: text; the walls' summaries are shown beside it. */
    summary: text("summary"),
    summaryPublishedAt: timestamp("summary_published_at", { withTimezone: true }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("events_starts_idx").on(t.startsAt), index("events_series_idx").on(t.seriesId)],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    kind: agendaItemKind("kind").notNull().default("item"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    workshopId: uuid("workshop_id"),
  },
  (t) => [index("agenda_items_event_idx").on(t.eventId, t.startsAt)],
);

export const agendaSpeakers = pgTable(
  "agenda_speakers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => agendaItems.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    organisation: text("organisation").notNull().default(""),
  },
  (t) => [index("agenda_speakers_item_idx").on(t.itemId, t.position)],
);

/** A workshop session inside an event (seed 000's "Työosuus I/II"). */
export const workshops = pgTable("workshops", {
  id: uuid("id").primaryKey().defaultRandom(),
  eventId: uuid("event_id")
    .notNull()
    .references(() => events.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  assignment: text("assignment").notNull().default(""),
  /** The step the facilitator is running now (1-based), and since when; null before the start. */
  currentStep: integer("current_step"),
  stepStartedAt: timestamp("step_started_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const workshopSteps = pgTable(
  "workshop_steps",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    workshopId: uuid("workshop_id")
      .notNull()
      .references(() => workshops.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    instructions: text("instructions").notNull(),
    minutes: integer("minutes").notNull(),
  },
  (t) => [uniqueIndex("workshop_steps_position_idx").on(t.workshopId, t.position)],
);

/** A group of participants in a workshop, with its own wall. */
export const workshopGroups = pgTable("workshop_groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  workshopId: uuid("workshop_id")
    .notNull()
    .references(() => workshops.id, { onDelete: "cascade" }),
  position: integer("position").notNull(),
  name: text("name").notNull(),
  wallId: uuid("wall_id").references(() => walls.id, { onDelete: "set null" }),
});

export const registrations = pgTable(
  "event_registrations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    organisation: text("organisation").notNull().default(""),
    email: text("email"),
    /** The registering browser's participant hash, so it is let into the event's walls. */
    participantHash: text("participant_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("event_registrations_event_idx").on(t.eventId)],
);
