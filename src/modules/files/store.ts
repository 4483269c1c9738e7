import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { storedFileChunks, storedFiles } from "./schema.ts";

/**
 * Bytes per stored piece (see stored_file_chunks). Files stored earlier have 1 MiB pieces; reading joins
 * whatever pieces there are. 256 KiB pieces cost PGlite some 30 MB of memory for a 10 MiB file, 1 MiB ones 50 MB.
 */
export const fileChunkBytes = 256 * 1024;

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

/**
 * Files as a `stored_files` row and its bytes in 1 MiB pieces (`stored_file_chunks`),
 * written in one transaction, on PGlite and PostgreSQL alike.
 */
export function createDatabaseFileStore(db: Db): FileStore {
  const embedded = (db as { $client?: unknown }).$client instanceof PGlite;
  return {
    async put(file) {
      const data = Buffer.from(file.data.buffer, file.data.byteOffset, file.data.byteLength);
      const sha256 = createHash("sha256").update(data).digest("hex");
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(storedFiles)
          .values({ mimeType: file.mimeType, name: file.name, size: data.byteLength, sha256 })
          .returning({ id: storedFiles.id });
        if (!row) throw new Error("stored_files insert returned no row");
        // One piece per statement, each a view of the upload. node-postgres sends it as binary; to PGlite it goes
        // as hex text that the database decodes: PGlite's own bytea serialiser builds an array and a string per
        // byte (some 200 MB of garbage for 10 MiB), while Buffer's hex encoding is one native pass.
        for (let seq = 0; seq * fileChunkBytes < data.byteLength || seq === 0; seq++) {
          const piece = data.subarray(seq * fileChunkBytes, (seq + 1) * fileChunkBytes);
          const value = embedded ? sql`decode(${piece.toString("hex")}, 'hex')` : piece;
          await tx.insert(storedFileChunks).values({ fileId: row.id, seq, data: value });
        }
        return row.id;
      });
      return { id, size: data.byteLength, sha256 };
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
      if (!row) return null;
      // Files stored before chunking keep their bytes in the row itself.
      if (row.data) return { ...row, data: row.data };
      const pieces = await db
        .select({ data: storedFileChunks.data })
        .from(storedFileChunks)
        .where(eq(storedFileChunks.fileId, id))
        .orderBy(asc(storedFileChunks.seq));
      return { ...row, data: Buffer.concat(pieces.map((p) => p.data)) };
    },

    async delete(id) {
      if (!isFileId(id)) return;
      await db.delete(storedFiles).where(eq(storedFiles.id, id));
    },
  };
}
