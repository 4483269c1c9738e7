import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { and, asc, eq, gte, sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { storedFileChunks, storedFiles } from "./schema.ts";

/**
 * Bytes per stored piece (see stored_file_chunks). Files stored earlier have 1 MiB pieces; reading joins
 * whatever pieces there are. 256 KiB pieces cost PGlite some 30 MB of memory for a 10 MiB file, 1 MiB ones 50 MB;
 * streamed from the upload's temporary file, 64 KiB pieces were no better than 256 KiB on PGlite or PostgreSQL
 * (bench/results/upload-memory/after-spool-*).
 */
export const fileChunkBytes = 256 * 1024;

/**
 * A file on disk (an upload's temporary file) as pieces to put, read in 64 KiB reads as they are stored: never
 * whole in memory.
 */
export function readPieces(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: 64 * 1024 });
}

export interface NewFile {
  /** The bytes, or their pieces in order (readPieces): stored as they come, each at most a stored piece. */
  data: Uint8Array | AsyncIterable<Uint8Array>;
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

/** A stored file to stream: its details now, its bytes read a few pieces at a time as they are taken. */
export interface OpenedFile {
  mimeType: string;
  name: string;
  size: number;
  sha256: string;
  /** The bytes in order, each a stored piece; a query per few pieces, so a large file is never whole in memory. */
  pieces(): AsyncIterable<Buffer>;
}

/** Stored pieces read per query when streaming a file (256 KiB each). */
const piecesPerRead = 4;

/**
 * Where uploaded bytes live. The database store is the default, so that a
 * database backup is a backup of everything; an object store can implement
 * the same calls later. Ids are never reused.
 */
export interface FileStore {
  /** `within`: store it in the caller's transaction (a savepoint), so the file and what refers to it commit together. */
  put(file: NewFile, options?: { within?: Tx }): Promise<{ id: string; size: number; sha256: string }>;
  /** Null for an unknown (or malformed) id. */
  get(id: string): Promise<StoredFile | null>;
  /** The same, to stream (large files: archive exports); null for an unknown (or malformed) id. */
  open(id: string): Promise<OpenedFile | null>;
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
    async put(file, options = {}) {
      const hash = createHash("sha256");
      let size = 0;
      let sha256 = "";
      const id = await (options.within ?? db).transaction(async (tx) => {
        const [row] = await tx
          .insert(storedFiles)
          .values({ mimeType: file.mimeType, name: file.name, size: 0, sha256: "" })
          .returning({ id: storedFiles.id });
        if (!row) throw new Error("stored_files insert returned no row");
        // One piece per statement, each a view of the upload. node-postgres sends it as binary; to PGlite it goes
        // as hex text that the database decodes: PGlite's own bytea serialiser builds an array and a string per
        // byte (some 200 MB of garbage for 10 MiB), while Buffer's hex encoding is one native pass.
        let seq = 0;
        for await (const piece of piecesOf(file.data, fileChunkBytes)) {
          hash.update(piece);
          size += piece.byteLength;
          const value = embedded ? sql`decode(${piece.toString("hex")}, 'hex')` : piece;
          await tx.insert(storedFileChunks).values({ fileId: row.id, seq: seq++, data: value });
        }
        sha256 = hash.digest("hex");
        await tx.update(storedFiles).set({ size, sha256 }).where(eq(storedFiles.id, row.id));
        return row.id;
      });
      return { id, size, sha256 };
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

    async open(id) {
      if (!isFileId(id)) return null;
      const [row] = await db
        .select({
          mimeType: storedFiles.mimeType,
          name: storedFiles.name,
          size: storedFiles.size,
          sha256: storedFiles.sha256,
          legacy: sql<boolean>`${storedFiles.data} is not null`,
        })
        .from(storedFiles)
        .where(eq(storedFiles.id, id));
      if (!row) return null;
      const { legacy, ...details } = row;
      return { ...details, pieces: () => storedPieces(db, id, legacy) };
    },

    async delete(id) {
      if (!isFileId(id)) return;
      await db.delete(storedFiles).where(eq(storedFiles.id, id));
    },
  };
}

/** A stored file's bytes: the row's own (files stored before chunking) or its pieces, a few per query. */
async function* storedPieces(db: Db, id: string, legacy: boolean): AsyncGenerator<Buffer> {
  if (legacy) {
    const [row] = await db.select({ data: storedFiles.data }).from(storedFiles).where(eq(storedFiles.id, id));
    if (row?.data) yield row.data;
    return;
  }
  let next = 0;
  for (;;) {
    const pieces = await db
      .select({ seq: storedFileChunks.seq, data: storedFileChunks.data })
      .from(storedFileChunks)
      .where(and(eq(storedFileChunks.fileId, id), gte(storedFileChunks.seq, next)))
      .orderBy(asc(storedFileChunks.seq))
      .limit(piecesPerRead);
    for (const piece of pieces) yield piece.data;
    if (pieces.length < piecesPerRead) return;
    next = (pieces[pieces.length - 1]?.seq ?? 0) + 1;
  }
}

/**
 * The bytes as pieces of `pieceBytes` (the last may be shorter; an empty file is one empty piece), as Buffers
 * viewing what they were given wherever a piece lies within one given chunk.
 */
async function* piecesOf(data: Uint8Array | AsyncIterable<Uint8Array>, pieceBytes: number): AsyncGenerator<Buffer> {
  const chunks = data instanceof Uint8Array ? [data] : data;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let any = false;
  for await (const chunk of chunks) {
    let rest = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (pendingBytes + rest.byteLength >= pieceBytes) {
      const take = pieceBytes - pendingBytes;
      const piece = pending.length === 0 ? rest.subarray(0, take) : Buffer.concat([...pending, rest.subarray(0, take)]);
      pending = [];
      pendingBytes = 0;
      rest = rest.subarray(take);
      any = true;
      yield piece;
    }
    if (rest.byteLength > 0) {
      pending.push(rest);
      pendingBytes += rest.byteLength;
    }
  }
  if (pendingBytes > 0 || !any) yield Buffer.concat(pending);
}
