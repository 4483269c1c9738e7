import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { getTableName, is, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "./client.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The public tables declared by src/core/rate-limit-schema.ts and every src/modules/<module>/schema.ts. */
async function declaredTables(): Promise<string[]> {
  const modules = path.join(root, "src/modules");
  const files = [
    path.join(root, "src/core/rate-limit-schema.ts"),
    ...readdirSync(modules)
      .map((name) => path.join(modules, name, "schema.ts"))
      .filter((file) => existsSync(file)),
  ];
  const names = new Set<string>();
  for (const file of files) {
    for (const value of Object.values(await import(pathToFileURL(file).href))) {
      if (is(value, PgTable) && (getTableConfig(value).schema ?? "public") === "public") names.add(getTableName(value));
    }
  }
  return [...names].sort();
}

/** node-postgres returns {rows}, PGlite's Drizzle driver returns {rows} too but typed differently. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

describe(`migrations on ${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"}`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("create every table of the schema", async () => {
    const result = await database.db.execute(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = rowsOf<{ table_name: string }>(result)
      .map((r) => r.table_name)
      .sort();
    // Exactly the tables the modules' schema files declare (found as drizzle.config.ts finds them) ...
    expect(tables).toEqual(await declaredTables());
    // ... and among them every table the platform had before the strategy and commitments modules.
    expect(tables).toEqual(
      expect.arrayContaining([
        "accounts",
        "agenda_items",
        "agenda_speakers",
        "audit_events",
        "deliverable_deadlines",
        "deliverable_section_comments",
        "deliverable_section_versions",
        "deliverable_sections",
        "deliverable_status_changes",
        "deliverable_template_sections",
        "deliverable_templates",
        "deliverables",
        "event_registrations",
        "event_series",
        "events",
        "file_uploads",
        "group_members",
        "invitations",
        "organisations",
        "programme_milestones",
        "programme_phases",
        "rate_limit_windows",
        "rate_limits",
        "sessions",
        "stored_file_chunks",
        "stored_files",
        "users",
        "verifications",
        "wall_events",
        "wall_posts",
        "wall_reactions",
        "wall_reports",
        "wall_sections",
        "walls",
        "working_groups",
        "workshop_groups",
        "workshop_steps",
        "workshops",
      ]),
    );
  });

  it("are applied once: running them again at the next start changes nothing", async () => {
    await database.migrate();
    const result = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    const rows = rowsOf<{ n: number }>(result);
    expect(rows[0]?.n).toBeGreaterThanOrEqual(1);
    await database.migrate();
    const again = await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(rowsOf<{ n: number }>(again)[0]?.n).toBe(rows[0]?.n);
  });
});
