import { createHash } from "node:crypto";
import { and, asc, eq, gt, notExists, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { storedFiles } from "../files/schema.ts";
import { createDatabaseFileStore } from "../files/store.ts";
import { type ArchivedTable, archivedTables, leftOut } from "./catalogue.ts";
import { archiveFormat } from "./constants.ts";
import { archiveRecordSchema } from "./json-schema.ts";
import { Digest, recordLine } from "./metadata.ts";
import { countRecords, readRecords } from "./read-records.ts";
import { archiveExports } from "./schema.ts";
import { ZipFileWriter } from "./zip-writer.ts";

export interface ArchiveProgress {
  recordsTotal: number;
  recordsDone: number;
  filesTotal: number;
  filesDone: number;
}

/** What manifest.json says of one record type, and of the files. */
export interface ManifestEntry {
  count: number;
  /** Sum mod 2^256 of the items' SHA-256 (metadata.ts Digest): independent of order. */
  digest: string;
}

export interface Manifest {
  format: typeof archiveFormat;
  createdAt: string;
  /** Record types in the order an import inserts them (each after those it references). */
  types: (ManifestEntry & { type: string; file: string })[];
  files: ManifestEntry;
  leftOut: Record<string, string>;
}

/** Types whose bytes are compressed already: stored in the ZIP as they are. */
const compressedTypes =
  /^(image\/(jpeg|png|webp|gif)|application\/(pdf|zip|vnd\.openxmlformats.*|x-7z-compressed|gzip))$/;

export const archiveReadme = `Uudistamo archive (${archiveFormat})

manifest.json                   format, when, per record type its file, count and digest; the files' count and digest
schema/archive-record.schema.json  JSON Schema (2020-12) of every line of records/*.jsonl
records/<module>.<table>.jsonl  one record per line: metadata (id, type, module, title, created, modified, creator,
                                sha256) and the record as stored
files/<id>                      the stored files' bytes; their name, type, size and SHA-256 are the records in
                                records/files.stored_files.jsonl

A record's sha256 is of its JSON text exactly as in the line. A digest is the sum modulo 2^256 of the SHA-256
values (as big-endian integers) of a type's records, or of the files' bytes. See docs/archive.md.
`;

/**
 * Writes the whole workspace's archive to `path`: every archived table's records in keyset pages, then every
 * stored file a few pieces at a time, then the manifest. Memory stays bounded by a page of records or a few
 * pieces of a file; `progress` hears after each page and each file.
 */
export async function writeArchive(
  db: Db,
  path: string,
  progress: (state: ArchiveProgress) => Promise<void> = async () => {},
): Promise<{ size: number; sha256: string; manifest: Manifest }> {
  const tables = archivedTables();
  const state: ArchiveProgress = { recordsTotal: 0, recordsDone: 0, filesTotal: 0, filesDone: 0 };
  for (const table of tables) state.recordsTotal += await countRecords(db, table);
  state.filesTotal = await countRecords(db, tables.find((t) => t.name === "stored_files") as ArchivedTable);
  await progress(state);

  const zip = new ZipFileWriter(path);
  try {
    await zip.text("README.txt", archiveReadme);
    await zip.text("schema/archive-record.schema.json", `${JSON.stringify(archiveRecordSchema(), null, 2)}\n`);
    const types: Manifest["types"] = [];
    for (const table of tables) {
      const file = `records/${table.type}.jsonl`;
      const entry = zip.entry(file);
      const digest = new Digest();
      for await (const page of readRecords(db, table)) {
        const lines = page.map((text) => recordLine(table, text));
        for (const { sha256 } of lines) digest.add(sha256);
        await entry.push(Buffer.from(lines.map((l) => l.line).join("")));
        state.recordsDone += page.length;
        await progress(state);
      }
      await entry.end();
      types.push({ type: table.type, file, count: digest.count, digest: digest.hex() });
    }
    const files = await writeFiles(db, zip, async () => {
      state.filesDone += 1;
      await progress(state);
    });
    const manifest: Manifest = {
      format: archiveFormat,
      createdAt: new Date().toISOString(),
      types,
      files: { count: files.count, digest: files.hex() },
      leftOut: { ...leftOut },
    };
    await zip.text("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
    return { ...(await zip.close()), manifest };
  } catch (error) {
    await zip.abort();
    throw error;
  }
}

/**
 * Every stored file as files/<id>, in id order, streamed from the file store a few pieces at a time; the exports'
 * own ZIPs are not records (catalogue.ts). The digest is of the bytes as written.
 */
async function writeFiles(db: Db, zip: ZipFileWriter, done: () => Promise<void>): Promise<Digest> {
  const store = createDatabaseFileStore(db);
  const digest = new Digest();
  let after: string | null = null;
  for (;;) {
    const page: { id: string; mimeType: string }[] = await db
      .select({ id: storedFiles.id, mimeType: storedFiles.mimeType })
      .from(storedFiles)
      .where(
        and(
          after ? gt(storedFiles.id, after) : undefined,
          notExists(db.select({ one: sql`1` }).from(archiveExports).where(eq(archiveExports.fileId, storedFiles.id))),
        ),
      )
      .orderBy(asc(storedFiles.id))
      .limit(100);
    for (const file of page) {
      const opened = await store.open(file.id);
      if (!opened) continue; // removed since the page was read (an upload swept): not in the archive
      const entry = zip.entry(`files/${file.id}`, !compressedTypes.test(file.mimeType));
      const hash = createHash("sha256");
      for await (const piece of opened.pieces()) {
        hash.update(piece);
        await entry.push(piece);
      }
      await entry.end();
      digest.add(hash.digest("hex"));
      await done();
    }
    if (page.length < 100) return digest;
    after = page[page.length - 1]?.id ?? null;
  }
}
