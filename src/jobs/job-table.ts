import { integer, jsonb, pgSchema, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * pg-boss's own job table, described for reading the admin lists with Drizzle (keyset
 * pages). Not exported from db/schema.ts: pg-boss creates and migrates it, drizzle-kit
 * never sees it. Only the columns the lists read; never `data` (a job may carry a
 * link with a secret token in it).
 */
export const pgbossJobs = pgSchema("pgboss").table("job", {
  id: uuid("id").notNull(),
  name: text("name").notNull(),
  state: text("state").notNull(),
  retryCount: integer("retry_count").notNull(),
  retryLimit: integer("retry_limit").notNull(),
  createdOn: timestamp("created_on", { withTimezone: true }).notNull(),
  startAfter: timestamp("start_after", { withTimezone: true }).notNull(),
  startedOn: timestamp("started_on", { withTimezone: true }),
  completedOn: timestamp("completed_on", { withTimezone: true }),
  output: jsonb("output"),
});
