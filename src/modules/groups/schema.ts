import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { walls } from "../walls/schema.ts";
import { groupRoles } from "./constants.ts";

export const groupRole = pgEnum("group_role", groupRoles);

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
