import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { openTestDatabase } from "../../../test/support/database.ts";
import type { Database, Db } from "../../db/client.ts";
import { seedDemoWorkspace } from "../../demo/seed.ts";
import { createDatabaseFileStore } from "../files/store.ts";
import { archivedTables, leftOut } from "./catalogue.ts";
import { importArchive } from "./import-archive.ts";
import { archiveRecordSchema } from "./json-schema.ts";
import { countRecords, readRecords, rowsOf } from "./read-records.ts";
import { writeArchive } from "./write-archive.ts";

/** Every record's SHA-256 by type and id: what "the same records" means. */
async function checksums(db: Db): Promise<Record<string, Record<string, string>>> {
  const all: Record<string, Record<string, string>> = {};
  for (const table of archivedTables()) {
    const byId: Record<string, string> = {};
    for await (const page of readRecords(db, table))
      for (const text of page) {
        const row = JSON.parse(text) as Record<string, unknown>;
        byId[table.key.map((k) => String(row[k])).join("/")] = createHash("sha256").update(text).digest("hex");
      }
    all[table.type] = byId;
  }
  return all;
}

const fileStore = (db: Db) => createDatabaseFileStore(db);

describe("an archive read back into an empty workspace", () => {
  let source: Database;
  let target: Database;
  let folder: string;
  const files: { id: string; sha256: string }[] = [];

  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), "uudistamo-round-trip-"));
    [source, target] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    await seedDemoWorkspace(source.db);
    // Files of several stored pieces, one empty, one that compresses: the bytes must come back exactly.
    const big = Buffer.alloc(600 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 9)) % 256;
    for (const [data, mimeType] of [
      [big, "application/pdf"],
      [Buffer.alloc(0), "text/plain"],
      [Buffer.from("Pöytäkirja\n".repeat(5000)), "text/plain"],
    ] as const) {
      const stored = await fileStore(source.db).put({ data, mimeType, name: "liite" });
      files.push({ id: stored.id, sha256: stored.sha256 });
    }
  }, 180_000);
  afterAll(async () => {
    await Promise.all([source?.close(), target?.close()]);
    rmSync(folder, { recursive: true, force: true });
  });

  it("has the same records (count and SHA-256 of each, per type) and the same files", async () => {
    const zip = path.join(folder, "archive.zip");
    const written = await writeArchive(source.db, zip);
    const imported = await importArchive(target.db, zip);
    expect(imported.types).toEqual(written.manifest.types.map(({ type, count, digest }) => ({ type, count, digest })));
    expect(imported.files).toEqual(written.manifest.files);

    const before = await checksums(source.db);
    const after = await checksums(target.db);
    // The import's own audit row is the one record the target has more.
    const importRow = await expectAudited(target.db, {
      module: "archive",
      action: "import",
      targetId: null,
      actorId: null,
    });
    delete after["audit.audit_events"]?.[String(importRow.id)];
    for (const type of Object.keys(before)) {
      expect(Object.keys(after[type] ?? {}).length, type).toBe(Object.keys(before[type] ?? {}).length);
      expect(after[type], type).toEqual(before[type]);
    }
    expect(Object.keys(before["walls.wall_posts"] ?? {}).length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(before["deliverables.deliverable_section_versions"] ?? {}).length).toBeGreaterThan(0);

    for (const file of files) {
      const back = await fileStore(target.db).get(file.id);
      expect(back, file.id).not.toBeNull();
      expect(
        createHash("sha256")
          .update(back?.data ?? Buffer.alloc(1))
          .digest("hex"),
      ).toBe(file.sha256);
    }
    // A new audit row after the import gets a fresh id (the serial counter moved past the archived ones).
    const [max] = await rowsOf<{ id: number }>(target.db.execute(sql`select max(id)::int as id from audit_events`));
    expect(max?.id).toBe(importRow.id);
  });

  it("refuses a workspace that is not empty, and changes nothing", async () => {
    const zip = path.join(folder, "archive.zip");
    const counts = await Promise.all(archivedTables().map((t) => countRecords(target.db, t)));
    await expect(importArchive(target.db, zip)).rejects.toThrow(/not empty/);
    expect(await Promise.all(archivedTables().map((t) => countRecords(target.db, t)))).toEqual(counts);
  });

  it("archives every table the database has, or names why not", async () => {
    const tables = await rowsOf<{ name: string }>(
      source.db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public'`),
    );
    const archived = new Set(archivedTables().map((t) => t.name));
    const unaccounted = tables
      .map((t) => t.name)
      .filter((name) => !archived.has(name) && !Object.hasOwn(leftOut, name));
    expect(unaccounted).toEqual([]);
  });

  it("publishes the JSON Schema it writes in docs/", () => {
    const published = readFileSync(
      path.resolve(import.meta.dirname, "../../../docs/archive-record.schema.json"),
      "utf8",
    );
    expect(JSON.parse(published)).toEqual(archiveRecordSchema());
  });
});
