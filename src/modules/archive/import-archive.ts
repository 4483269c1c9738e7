import { createHash } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "../../db/client.ts";
import { recordAudit } from "../audit/record.ts";
import { fileChunkBytes } from "../files/store.ts";
import { type ArchivedTable, archivedTables } from "./catalogue.ts";
import { archiveFormat } from "./constants.ts";
import { Digest } from "./metadata.ts";
import { countRecords, ident, readRecords, rowsOf } from "./read-records.ts";
import type { Manifest } from "./write-archive.ts";
import { readZipEntries, readZipEntry, readZipLines, type ZipEntry } from "./zip-reader.ts";

/** Lines inserted per statement. */
const linesPerInsert = 200;

export interface ImportResult {
  types: { type: string; count: number; digest: string }[];
  files: { count: number; digest: string };
}

/**
 * Reads an archive ZIP into an EMPTY workspace (a fresh, migrated database): every record type in the manifest's
 * order (each after those it references), references to the same table set once every row is in, serial
 * counters moved past the archived ids, the files' bytes stored as pieces, then every type's count and digest and
 * every file's SHA-256 checked against the archive. One transaction: all of it, or nothing. Recorded in the audit
 * log as `archive import`, by nobody (an operator's command, before anyone can sign in).
 *
 * The one place that writes every module's tables: restoring them is what an import is (boundaries.test.ts sees
 * no table of another module here, only the catalogue's names).
 */
export async function importArchive(db: Db, zipPath: string): Promise<ImportResult> {
  const entries = await readZipEntries(zipPath);
  const manifest = JSON.parse(await entryText(zipPath, need(entries, "manifest.json"))) as Manifest;
  if (manifest.format !== archiveFormat)
    throw new Error(`archive: format ${manifest.format}, expected ${archiveFormat}`);
  const tables = new Map(archivedTables().map((t) => [t.type, t]));
  for (const { type } of manifest.types)
    if (!tables.has(type)) throw new Error(`archive: record type ${type} has no table in this version`);
  for (const table of tables.values())
    if ((await countRecords(db, table)) > 0) throw new Error(`archive: the workspace is not empty (${table.type})`);

  const embedded = (db as { $client?: unknown }).$client instanceof PGlite;
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local time zone 'UTC'`);
    for (const { type, file } of manifest.types)
      await insertType(tx, tables.get(type) as ArchivedTable, zipPath, need(entries, file));
    for (const { type } of manifest.types) await advanceSerials(tx, tables.get(type) as ArchivedTable);

    const files = new Digest();
    for (const [name, entry] of entries) {
      if (!name.startsWith("files/")) continue;
      files.add(await insertFile(tx, name.slice("files/".length), zipPath, entry, embedded));
    }
    if (files.count !== manifest.files.count || files.hex() !== manifest.files.digest)
      throw new Error("archive: the files do not match the manifest");

    const types: ImportResult["types"] = [];
    for (const expected of manifest.types) {
      const digest = new Digest();
      const table = tables.get(expected.type) as ArchivedTable;
      for await (const page of readRecords(tx as unknown as Db, table))
        for (const text of page) digest.add(createHash("sha256").update(text).digest("hex"));
      if (digest.count !== expected.count || digest.hex() !== expected.digest)
        throw new Error(`archive: ${expected.type} read back ${digest.count} records that do not match the archive`);
      types.push({ type: expected.type, count: digest.count, digest: digest.hex() });
    }
    await recordAudit(tx, {
      actorId: null,
      module: "archive",
      action: "import",
      targetType: "archive",
      details: {
        createdAt: manifest.createdAt,
        records: types.reduce((n, t) => n + t.count, 0),
        files: files.count,
      },
    });
    return { types, files: { count: files.count, digest: files.hex() } };
  });
}

function need(entries: Map<string, ZipEntry>, name: string): ZipEntry {
  const entry = entries.get(name);
  if (!entry) throw new Error(`archive: ${name} is missing`);
  return entry;
}

async function entryText(path: string, entry: ZipEntry): Promise<string> {
  const parts: Uint8Array[] = [];
  for await (const part of readZipEntry(path, entry)) parts.push(part);
  return Buffer.concat(parts).toString("utf8");
}

async function* batches(path: string, entry: ZipEntry): AsyncGenerator<string> {
  let batch: string[] = [];
  for await (const line of readZipLines(path, entry)) {
    batch.push(line);
    if (batch.length === linesPerInsert) {
      yield `[${batch.join(",")}]`;
      batch = [];
    }
  }
  if (batch.length) yield `[${batch.join(",")}]`;
}

/**
 * A type's lines, 200 per statement; PostgreSQL parses each line (so numbers keep every digit) and fills the row
 * from its record. Columns referencing the same table go in as null and are set in a second pass.
 */
async function insertType(tx: Tx, table: ArchivedTable, path: string, entry: ZipEntry) {
  const columns = table.columns.filter((c) => !c.generated).map((c) => c.name);
  const list = sql.join(
    columns.map((c) => ident(c)),
    sql`, `,
  );
  const picked = sql.join(
    columns.map((c) => sql`r.${ident(c)}`),
    sql`, `,
  );
  const nulls = table.selfReferences.length
    ? sql.raw(` || '${JSON.stringify(Object.fromEntries(table.selfReferences.map((c) => [c, null])))}'::jsonb`)
    : sql``;
  for await (const batch of batches(path, entry)) {
    await tx.execute(
      sql`insert into ${ident(table.name)} (${list}) select ${picked} from jsonb_array_elements(${batch}::jsonb) e, jsonb_populate_record(null::${ident(table.name)}, (e->'record')${nulls}) r`,
    );
  }
  if (table.selfReferences.length === 0) return;
  const sets = sql.join(
    table.selfReferences.map((c) => sql`${ident(c)} = r.${ident(c)}`),
    sql`, `,
  );
  const match = sql.join(
    table.key.map((k) => sql`t.${ident(k)} = r.${ident(k)}`),
    sql` and `,
  );
  for await (const batch of batches(path, entry)) {
    await tx.execute(
      sql`update ${ident(table.name)} t set ${sets} from jsonb_array_elements(${batch}::jsonb) e, jsonb_populate_record(null::${ident(table.name)}, e->'record') r where ${match}`,
    );
  }
}

/** A serial id column's counter set past the largest archived id, so new rows do not collide. */
async function advanceSerials(tx: Tx, table: ArchivedTable) {
  for (const column of table.columns) {
    if (!/serial$/.test(column.sqlType)) continue;
    await tx.execute(
      sql`select setval(pg_get_serial_sequence(${table.name}, ${column.name}), coalesce(max(${ident(column.name)}), 1), max(${ident(column.name)}) is not null) from ${ident(table.name)}`,
    );
  }
}

/**
 * A file's bytes as stored_file_chunks pieces, as the file store writes them (hex text to PGlite, bytes to
 * PostgreSQL), checked against the SHA-256 its stored_files record holds.
 */
async function insertFile(tx: Tx, id: string, path: string, entry: ZipEntry, embedded: boolean): Promise<string> {
  const [file] = await rowsOf<{ sha256: string }>(
    tx.execute(sql`select sha256 from stored_files where id = ${id}::uuid`),
  );
  if (!file) throw new Error(`archive: files/${id} has no stored_files record`);
  const hash = createHash("sha256");
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  const flush = async (piece: Buffer) => {
    const value = embedded ? sql`decode(${piece.toString("hex")}, 'hex')` : sql`${piece}`;
    await tx.execute(sql`insert into stored_file_chunks (file_id, seq, data) values (${id}::uuid, ${seq++}, ${value})`);
  };
  for await (const part of readZipEntry(path, entry)) {
    hash.update(part);
    pending.push(Buffer.from(part));
    pendingBytes += part.byteLength;
    while (pendingBytes >= fileChunkBytes) {
      const all = Buffer.concat(pending);
      await flush(all.subarray(0, fileChunkBytes));
      pending = [all.subarray(fileChunkBytes)];
      pendingBytes = all.byteLength - fileChunkBytes;
    }
  }
  if (pendingBytes > 0 || seq === 0) await flush(Buffer.concat(pending));
  const sha256 = hash.digest("hex");
  if (sha256 !== file.sha256) throw new Error(`archive: files/${id} does not match its SHA-256`);
  return sha256;
}
