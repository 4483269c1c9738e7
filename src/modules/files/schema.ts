import { boolean, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Uploaded files, kept in the database so that a database backup is a backup of
 * everything. Reached only through FileStore, so another store can replace it.
 */
export const storedFiles = pgTable("stored_files", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Detected from the content, never taken from the upload's name. */
  mimeType: text("mime_type").notNull(),
  name: text("name").notNull(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  /** Files stored before chunking; new files keep their bytes in stored_file_chunks. */
  data: bytea("data"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A stored file's bytes in pieces of at most 1 MiB (256 KiB since uploads are streamed; store.ts). One 10 MiB
 * bytea value cost PGlite some 800 MB of memory to write (its WebAssembly heap grows and stays); pieces, sent
 * as hex text, cost a small fraction of that, and PostgreSQL is as happy either way.
 */
export const storedFileChunks = pgTable(
  "stored_file_chunks",
  {
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    data: bytea("data").notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] })],
);

/**
 * A file someone uploaded for something (a post on a wall) that they have not
 * attached yet, or have. Holds what attaching needs, so attaching never reads
 * the bytes back; `used` makes each upload attachable once.
 */
export const fileUploads = pgTable(
  "file_uploads",
  {
    /** The stored file's id. */
    id: uuid("id")
      .primaryKey()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    /** What the file was uploaded for ("wall") and that thing's id. */
    scope: text("scope").notNull(),
    scopeId: uuid("scope_id").notNull(),
    /** Who uploaded it: the participant hash, never shown. */
    uploader: text("uploader").notNull(),
    kind: text("kind").$type<"image" | "file">().notNull(),
    mimeType: text("mime_type").notNull(),
    name: text("name").notNull(),
    width: integer("width"),
    height: integer("height"),
    used: boolean("used").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("file_uploads_scope_idx").on(t.scope, t.scopeId)],
);
