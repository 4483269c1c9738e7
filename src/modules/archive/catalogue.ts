import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import * as accounts from "../accounts/schema.ts";
import * as alliances from "../alliances/schema.ts";
import * as audit from "../audit/schema.ts";
import * as commitments from "../commitments/schema.ts";
import * as deliverables from "../deliverables/schema.ts";
import * as events from "../events/schema.ts";
import * as files from "../files/schema.ts";
import * as groups from "../groups/schema.ts";
import * as newsletter from "../newsletter/schema.ts";
import * as people from "../people/schema.ts";
import * as programme from "../programme/schema.ts";
import * as publishing from "../publishing/schema.ts";
import * as strategy from "../strategy/schema.ts";
import * as templates from "../templates/schema.ts";
import * as walls from "../walls/schema.ts";

/**
 * What the archive reads: every module's tables, found in its schema.ts (reading another module's tables is
 * allowed; boundaries.test.ts forbids only writes). A new table is archived without a line here; one that must
 * not be (secrets, transient counters) is named in `leftOut` with its reason, and catalogue.test.ts fails when
 * the database has a table that is neither.
 */
const schemas = {
  accounts,
  people,
  audit,
  files,
  walls,
  templates,
  programme,
  deliverables,
  groups,
  events,
  strategy,
  commitments,
  alliances,
  publishing,
  newsletter,
} as const;

/** Tables not archived, by SQL name, each with why. */
export const leftOut: Readonly<Record<string, string>> = {
  sessions: "sign-in sessions: secrets, and meaningless once the office closes",
  accounts: "credentials (password hashes): not a record; people set a new password after a restore",
  verifications: "one-off tokens (password reset links)",
  rate_limits: "transient counters",
  rate_limit_windows: "transient counters",
  stored_file_chunks: "the bytes of stored files: archived as the files themselves (files/<id>)",
  archive_exports: "the exports themselves (their requests are in the audit log)",
};

/**
 * Rows of an archived table that are not the workspace's records, as a condition on the row `t`: the exports' own
 * ZIPs sit in the file store (archive_exports.file_id), and an archive must not hold the archives before it.
 */
const onlyRecords: Readonly<Record<string, string>> = {
  stored_files: "not exists (select 1 from archive_exports e where e.file_id = t.id)",
};

/** Columns not put in a record: the bytes go in the ZIP as files. */
const omittedColumns: Readonly<Record<string, readonly string[]>> = { stored_files: ["data"] };

export interface ArchivedColumn {
  name: string;
  /** PostgreSQL's type name as the schema declares it ("text", "uuid", "timestamp with time zone", "numeric(20, 6)"). */
  sqlType: string;
  notNull: boolean;
  enumValues: readonly string[] | null;
  /** Computed by the database (GENERATED ALWAYS): archived, but never inserted. */
  generated: boolean;
}

export interface ArchivedTable {
  /** `<module>.<table>`: the record type. */
  type: string;
  module: string;
  name: string;
  columns: readonly ArchivedColumn[];
  omitted: readonly string[];
  /** The primary key's columns: the keyset order of reading and the record's id. */
  key: readonly string[];
  /** Columns referencing a row of the same table (a master contract, a parent): set after every row is in. */
  selfReferences: readonly string[];
  /** Tables this one references (other than itself). */
  dependsOn: readonly string[];
  /** Which rows are records (SQL on the row `t`; see onlyRecords), or null for all. */
  where: string | null;
}

function describe(module: string, table: PgTable): ArchivedTable {
  const config = getTableConfig(table);
  const omitted = omittedColumns[config.name] ?? [];
  const columns = config.columns
    .filter((c) => !omitted.includes(c.name))
    .map((c) => ({
      name: c.name,
      sqlType: c.getSQLType(),
      notNull: c.notNull,
      enumValues: c.enumValues?.length ? c.enumValues : null,
      generated: c.generated !== undefined || c.generatedIdentity !== undefined,
    }));
  const key =
    config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  if (key.length === 0) throw new Error(`archive: table ${config.name} has no primary key to page by`);
  const selfReferences: string[] = [];
  const dependsOn = new Set<string>();
  for (const fk of config.foreignKeys) {
    const reference = fk.reference();
    const target = getTableConfig(reference.foreignTable).name;
    if (target === config.name) selfReferences.push(...reference.columns.map((c) => c.name));
    else dependsOn.add(target);
  }
  return {
    type: `${module}.${config.name}`,
    module,
    name: config.name,
    columns,
    omitted,
    key,
    selfReferences,
    dependsOn: [...dependsOn],
    where: onlyRecords[config.name] ?? null,
  };
}

/** Tables in an order where every table comes after those it references (so an import can insert in it). */
function inDependencyOrder(tables: ArchivedTable[]): ArchivedTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: ArchivedTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (table: ArchivedTable, path: string[]) => {
    if (state.get(table.name) === "done") return;
    if (state.get(table.name) === "visiting")
      throw new Error(`archive: tables reference each other: ${[...path, table.name].join(" → ")}`);
    state.set(table.name, "visiting");
    for (const name of table.dependsOn) {
      const dependency = byName.get(name);
      // A reference to a table left out (none today) would make an import fail: say so at once.
      if (!dependency) throw new Error(`archive: ${table.name} references ${name}, which is not archived`);
      visit(dependency, [...path, table.name]);
    }
    state.set(table.name, "done");
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

let cached: readonly ArchivedTable[] | null = null;

/** Every archived table, in dependency order. */
export function archivedTables(): readonly ArchivedTable[] {
  if (cached) return cached;
  const found: ArchivedTable[] = [];
  for (const [module, exports] of Object.entries(schemas)) {
    const tables: ArchivedTable[] = [];
    for (const value of Object.values(exports)) {
      if (!is(value, PgTable)) continue;
      const name = getTableConfig(value).name;
      if (Object.hasOwn(leftOut, name)) continue;
      tables.push(describe(module, value));
    }
    // A namespace's key order differs between loaders (tsx, Vite): by name, so every run writes the same order.
    found.push(...tables.sort((a, b) => (a.name < b.name ? -1 : 1)));
  }
  cached = inDependencyOrder(found);
  return cached;
}
