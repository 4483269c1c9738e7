import { sql } from "drizzle-orm";
import {
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { storedFiles } from "../files/schema.ts";
import { postKinds, postLocales, postStatuses } from "./constants.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const publishingPostKind = pgEnum("publishing_post_kind", postKinds);
export const publishingPostStatus = pgEnum("publishing_post_status", postStatuses);
export const publishingPostLocale = pgEnum("publishing_post_locale", postLocales);

/**
 * A blog post or news item. The author is a person of the workspace (shown with their organisation and title as
 * they are now) or a guest author, whose name, organisation and title are kept here. `slug` never changes once
 * the post is first published (its URL stays), even when its title is corrected.
 */
export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    kind: publishingPostKind("kind").notNull(),
    status: publishingPostStatus("status").notNull().default("draft"),
    locale: publishingPostLocale("locale").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    /** The body as written (Markdown subset); rendered and sanitised when read (render.ts). */
    body: text("body").notNull(),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    authorPersonId: text("author_person_id").references(() => users.id, { onDelete: "set null" }),
    /** A guest author's (or, when the person is gone, the last known) name, organisation and title. */
    authorName: text("author_name").notNull().default(""),
    authorOrganisation: text("author_organisation").notNull().default(""),
    authorTitle: text("author_title").notNull().default(""),
    coverFileId: uuid("cover_file_id").references(() => storedFiles.id, { onDelete: "set null" }),
    coverAlt: text("cover_alt"),
    /** When it is (or was to be) public; set for scheduled and published posts. */
    publishAt: timestamp("publish_at", { withTimezone: true }),
    /** The last correction of a published post ("updated" on its page); null if never corrected. */
    correctedAt: timestamp("corrected_at", { withTimezone: true }),
    /** 1 for the first version; each saved change adds one (post_revisions keeps the earlier ones). */
    revision: integer("revision").notNull().default(1),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** Title (weight A), summary (B) and body (C) stemmed in the post's own language, for search (search.ts). */
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      sql`setweight(to_tsvector(case "locale" when 'fi' then 'finnish'::regconfig when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, "title"), 'A') || setweight(to_tsvector(case "locale" when 'fi' then 'finnish'::regconfig when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, "summary"), 'B') || setweight(to_tsvector(case "locale" when 'fi' then 'finnish'::regconfig when 'sv' then 'swedish'::regconfig else 'english'::regconfig end, "body"), 'C')`,
    ),
  },
  (t) => [
    uniqueIndex("posts_slug_idx").on(t.slug),
    // The public lists: published posts newest first (the feeds, the blog page, the archive).
    index("posts_published_idx").on(t.status, t.publishAt, t.id),
    index("posts_tags_idx").using("gin", t.tags),
    index("posts_search_idx").using("gin", t.searchVector),
  ],
);

/** What a post was before each change: a correction keeps its history. */
export const postRevisions = pgTable(
  "post_revisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    /** The post's fields as they were (title, summary, body, tags, kind, locale, author). */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    replacedBy: text("replaced_by").references(() => users.id, { onDelete: "set null" }),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("post_revisions_post_idx").on(t.postId, t.revision)],
);

/**
 * The office's contact details shown on the front page and the blog (workspace settings: one row, id "office").
 * Opening hours in each language.
 */
export const officeContacts = pgTable("office_contacts", {
  id: text("id").primaryKey().default("office"),
  name: text("name").notNull().default(""),
  address: text("address").notNull().default(""),
  email: text("email").notNull().default(""),
  phone: text("phone").notNull().default(""),
  openingHours: jsonb("opening_hours").$type<{ fi: string; sv: string; en: string }>().notNull(),
  updatedBy: text("updated_by").references(() => users.id, { onDelete: "set null" }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
