import { bigint, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { storedFiles } from "../files/schema.ts";
import { exportStatuses } from "./constants.ts";

export const archiveExportStatus = pgEnum("archive_export_status", exportStatuses);

/**
 * One archive export of the whole workspace: who asked, how far the job is (records and files done of the total
 * counted when it started) and, once done, the ZIP in the file store (the database, so any app instance serves
 * it) with its size and SHA-256.
 * Progress columns are the job's bookkeeping, updated as it goes; the request itself is an audited write.
 */
export const archiveExports = pgTable("archive_exports", {
  id: uuid("id").primaryKey().defaultRandom(),
  status: archiveExportStatus("status").notNull().default("queued"),
  requestedBy: text("requested_by").references(() => users.id, { onDelete: "set null" }),
  recordsTotal: integer("records_total").notNull().default(0),
  recordsDone: integer("records_done").notNull().default(0),
  filesTotal: integer("files_total").notNull().default(0),
  filesDone: integer("files_done").notNull().default(0),
  /** The ZIP in the file store, once done; such files are never archived themselves (catalogue.ts). */
  fileId: uuid("file_id").references(() => storedFiles.id, { onDelete: "set null" }),
  sizeBytes: bigint("size_bytes", { mode: "number" }),
  sha256: text("sha256"),
  /** Why it failed, for the admin (no record content). */
  error: text("error"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  startedAt: timestamp("started_at", { withTimezone: true }),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});
