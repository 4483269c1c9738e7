import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { storedFiles } from "./schema.ts";

export interface NewFile {
  data: Uint8Array;
  /** Detected from the content by the caller; the store keeps what it is given. */
  mimeType: string;
  name: string;
}

export interface StoredFile {
  data: Buffer;
  mimeType: string;
  name: string;
  size: number;
}

/**
 * Where uploaded bytes live. The database store is the default, so that a
 * database backup is a backup of everything; an object store can implement
 * the same three calls later. Ids are never reused.
 */
export interface FileStore {
  put(file: NewFile): Promise<{ id: string; size: number; sha256: string }>;
  /** Null for an unknown (or malformed) id. */
  get(id: string): Promise<StoredFile | null>;
  /** Deleting an unknown id is not an error. */
  delete(id: string): Promise<void>;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isFileId = (id: string) => uuidPattern.test(id);

/** Files as rows of `stored_files` (bytea), on PGlite and PostgreSQL alike. */
export function createDatabaseFileStore(db: Db): FileStore {
  return {
    async put(file) {
      const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
      const sha256 = createHash("sha256").update(data).digest("hex");
      const [row] = await db
        .insert(storedFiles)
        .values({ mimeType: file.mimeType, name: file.name, size: data.byteLength, sha256, data })
        .returning({ id: storedFiles.id });
      if (!row) throw new Error("stored_files insert returned no row");
      return { id: row.id, size: data.byteLength, sha256 };
    },

    async get(id) {
      if (!isFileId(id)) return null;
      const [row] = await db
        .select({
          data: storedFiles.data,
          mimeType: storedFiles.mimeType,
          name: storedFiles.name,
          size: storedFiles.size,
        })
        .from(storedFiles)
        .where(eq(storedFiles.id, id));
      return row ?? null;
    },

    async delete(id) {
      if (!isFileId(id)) return;
      await db.delete(storedFiles).where(eq(storedFiles.id, id));
    },
  };
}
