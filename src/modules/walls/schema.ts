import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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
import { users } from "../accounts/schema.ts";
import { storedFiles } from "../files/schema.ts";
import {
  attachmentKinds,
  postKinds,
  postStatuses,
  reactionKinds,
  wallAccessModes,
  wallLayouts,
  wallModerationModes,
  wallOwnerTypes,
} from "./constants.ts";

export const wallAccess = pgEnum("wall_access", wallAccessModes);
export const wallModeration = pgEnum("wall_moderation", wallModerationModes);
export const wallLayout = pgEnum("wall_layout", wallLayouts);
export const wallOwnerType = pgEnum("wall_owner_type", wallOwnerTypes);
export const postKind = pgEnum("post_kind", postKinds);
export const postStatus = pgEnum("post_status", postStatuses);
export const reactionKind = pgEnum("reaction_kind", reactionKinds);
export const attachmentKind = pgEnum("attachment_kind", attachmentKinds);

export const walls = pgTable("walls", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** The short link's code: /w/<slug>. */
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  description: text("description").notNull().default(""),
  ownerType: wallOwnerType("owner_type").notNull().default("standalone"),
  /** The event or working group the wall belongs to (modules added later). */
  ownerId: uuid("owner_id"),
  access: wallAccess("access").notNull().default("link"),
  joinCode: text("join_code"),
  anonymousAllowed: boolean("anonymous_allowed").notNull().default(true),
  moderation: wallModeration("moderation").notNull().default("open"),
  layout: wallLayout("layout").notNull().default("masonry"),
  closed: boolean("closed").notNull().default(false),
  /** The last change's sequence number; each change takes the next one in its own transaction. */
  lastSeq: bigint("last_seq", { mode: "number" }).notNull().default(0),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const wallSections = pgTable(
  "wall_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wallId: uuid("wall_id")
      .notNull()
      .references(() => walls.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [index("wall_sections_wall_idx").on(t.wallId, t.position)],
);

export const wallPosts = pgTable(
  "wall_posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    wallId: uuid("wall_id")
      .notNull()
      .references(() => walls.id, { onDelete: "cascade" }),
    sectionId: uuid("section_id").references(() => wallSections.id, { onDelete: "set null" }),
    /** A reply's parent post. */
    parentId: uuid("parent_id"),
    kind: postKind("kind").notNull().default("comment"),
    title: text("title"),
    /** What the writer typed (a small Markdown subset); rendered and sanitised on the way out. */
    body: text("body").notNull(),
    /** The body rendered once when written (render.ts), so reads and the stream never render it again. */
    bodyHtml: text("body_html"),
    /** Null for an anonymous post. */
    authorName: text("author_name"),
    authorUserId: text("author_user_id").references(() => users.id, { onDelete: "set null" }),
    /** Hash of the writer's participant id: lets them edit their own post, never shown. */
    participantHash: text("participant_hash").notNull(),
    /** The writer's per-post key: a retried submission finds the post it already made. */
    idempotencyKey: text("idempotency_key").notNull(),
    status: postStatus("status").notNull().default("visible"),
    pinned: boolean("pinned").notNull().default(false),
    attachmentKind: attachmentKind("attachment_kind"),
    attachmentFileId: uuid("attachment_file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    attachmentUrl: text("attachment_url"),
    attachmentName: text("attachment_name"),
    /** Alternative text of an image, written by the poster. */
    attachmentAlt: text("attachment_alt"),
    attachmentWidth: integer("attachment_width"),
    attachmentHeight: integer("attachment_height"),
    likeCount: integer("like_count").notNull().default(0),
    voteCount: integer("vote_count").notNull().default(0),
    reportCount: integer("report_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    // The id makes (created_at, id) keyset paging of a wall's posts an index scan.
    index("wall_posts_wall_idx").on(t.wallId, t.createdAt, t.id),
    uniqueIndex("wall_posts_idempotency_idx").on(t.wallId, t.participantHash, t.idempotencyKey),
  ],
);

export const wallReactions = pgTable(
  "wall_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => wallPosts.id, { onDelete: "cascade" }),
    participantHash: text("participant_hash").notNull(),
    kind: reactionKind("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.participantHash, t.kind] })],
);

export const wallReports = pgTable(
  "wall_reports",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => wallPosts.id, { onDelete: "cascade" }),
    participantHash: text("participant_hash").notNull(),
    reason: text("reason").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.participantHash] })],
);

/**
 * The wall's change log: one row per change, numbered per wall. Live clients
 * get these over SSE; a reconnecting client asks for everything after its
 * Last-Event-ID. The public payload is null when the change is for moderators
 * only (a post held for approval).
 */
export const wallEvents = pgTable(
  "wall_events",
  {
    wallId: uuid("wall_id")
      .notNull()
      .references(() => walls.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    type: text("type").notNull(),
    /** The post the change is about, so a later change can scrub what this one said. */
    postId: uuid("post_id"),
    publicPayload: jsonb("public_payload"),
    moderatorPayload: jsonb("moderator_payload").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.wallId, t.seq] }), index("wall_events_post_idx").on(t.wallId, t.postId)],
);
