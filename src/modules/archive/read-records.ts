import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { ArchivedTable } from "./catalogue.ts";

/** Rows per keyset page: a page's JSON is held at once, so this bounds the export's memory with the widest rows. */
export const recordPageSize = 200;

/** A query's rows, whichever driver ran it (both return `{ rows }`). */
export async function rowsOf<T>(query: Promise<unknown>): Promise<T[]> {
  return ((await query) as { rows: T[] }).rows;
}

export const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** A key column's type for a cast: serials are their integer types once created. */
const castType = (sqlType: string) =>
  sqlType === "bigserial"
    ? "bigint"
    : sqlType === "serial"
      ? "integer"
      : sqlType === "smallserial"
        ? "smallint"
        : sqlType;

/** The record as text: the row's jsonb without the omitted columns, printed by PostgreSQL. */
export function recordExpression(table: ArchivedTable, alias = "t"): SQL {
  const minus = table.omitted.map((c) => ` - '${c.replace(/'/g, "''")}'`).join("");
  return sql.raw(`(to_jsonb(${alias})${minus})::text`);
}

/** The table's own condition on which rows are records (catalogue.ts onlyRecords), joined with `and`. */
const recordsOnly = (table: ArchivedTable): SQL | null => (table.where ? sql.raw(`(${table.where})`) : null);

export async function countRecords(db: Db, table: ArchivedTable): Promise<number> {
  const only = recordsOnly(table);
  const rows = await rowsOf<{ n: string | number }>(
    db.execute(sql`select count(*) as n from ${ident(table.name)} t ${only ? sql`where ${only}` : sql``}`),
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * Every record of a table as text, a keyset page at a time in primary-key order. Each page is its own short
 * transaction with the time zone set to UTC, so timestamps print the same on every server (and PGlite's one
 * connection is never held for long). Rows written while it runs are seen if their key is still ahead.
 */
export async function* readRecords(db: Db, table: ArchivedTable, pageSize = recordPageSize): AsyncGenerator<string[]> {
  const keyColumns = table.key.map((name) => {
    const column = table.columns.find((c) => c.name === name);
    if (!column) throw new Error(`archive: key column ${name} of ${table.name}`);
    return { name, type: castType(column.sqlType) };
  });
  const keyList = sql.join(
    keyColumns.map((k) => sql`t.${ident(k.name)}`),
    sql`, `,
  );
  const keyTexts = sql.join(
    keyColumns.map((k, i) => sql`t.${ident(k.name)}::text as ${ident(`k${i}`)}`),
    sql`, `,
  );
  const only = recordsOnly(table);
  let after: string[] | null = null;
  for (;;) {
    const from: string[] | null = after;
    const conditions = [
      ...(from
        ? [
            sql`(${keyList}) > (${sql.join(
              keyColumns.map((k, i) => sql`${from[i]}::${sql.raw(k.type)}`),
              sql`, `,
            )})`,
          ]
        : []),
      ...(only ? [only] : []),
    ];
    const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`set local time zone 'UTC'`);
      return rowsOf<Record<string, string>>(
        tx.execute(
          sql`select ${recordExpression(table)} as record, ${keyTexts} from ${ident(table.name)} t ${where} order by ${keyList} limit ${pageSize}`,
        ),
      );
    });
    if (rows.length === 0) return;
    yield rows.map((r) => r.record as string);
    const last = rows[rows.length - 1] as Record<string, string>;
    after = keyColumns.map((_, i) => last[`k${i}`] as string);
    if (rows.length < pageSize) return;
  }
}
