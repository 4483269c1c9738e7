import { z as openapi } from "@hono/zod-openapi";
import { asc, type Column, desc, type SQL, sql } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import type { Locale } from "../i18n/locale.ts";
import { translate } from "../i18n/translate.ts";
import { cleanText } from "./clean-text.ts";
import { AppError } from "./errors.ts";

/**
 * Keyset pagination for every list that can grow.
 *
 * A list is ordered by a sort key and, to break ties, a unique id, both in one
 * direction. A page is the first `limit` rows after the previous page's last
 * row: `(key, id) < (lastKey, lastId)` for newest-first lists, `>` for A–Z.
 * Unlike OFFSET, a row written or deleted meanwhile neither repeats nor hides
 * another, and the query stays an index range scan however deep the page. The
 * query fetches limit + 1 rows: the extra one only says there is a next page.
 *
 * The cursor is opaque to clients: base64url of JSON {s: list, k: key, i: id}.
 * It comes from outside, so it is validated like any input: anything that is
 * not a cursor of this very list is 400 VALIDATION_FAILED on the field
 * "cursor", never a database error.
 *
 * Sort keys must be NOT NULL. Timestamps go into the cursor at full microsecond
 * precision (a JS Date has only milliseconds, and rounding the key would skip
 * rows written within the same millisecond).
 */

export type KeyType = "timestamp" | "text" | "integer" | "uuid";

export interface KeysetSpec<Id extends Column = Column> {
  /** The list's name, written into its cursors so one list's cursor cannot be used on another. */
  list: string;
  key: Column;
  keyType: KeyType;
  id: Id;
  idType: Exclude<KeyType, "timestamp">;
  order: "asc" | "desc";
}

export interface Page<T> {
  items: T[];
  /** Give it back as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/** `cursor` and `limit` for a list's query (API query string, web page URL). */
export function pageQuery(options: { defaultLimit?: number; maxLimit?: number } = {}) {
  const maxLimit = options.maxLimit ?? 200;
  return {
    cursor: z.string().max(1000).optional(),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(maxLimit)
      .default(options.defaultLimit ?? 50),
  };
}

/** The response of a paged list in the OpenAPI document: `{ items, nextCursor }`. */
export const pageSchema = <T extends openapi.ZodType>(item: T) =>
  openapi.object({
    items: openapi.array(item),
    nextCursor: openapi
      .string()
      .nullable()
      .openapi({ description: "Pass as ?cursor= for the next page; null at the end" }),
  });

/** "YYYY-MM-DDTHH:MM:SS.ffffffZ" as the database writes it below, a real instant PostgreSQL accepts (no year 0). */
const timestampKey = z
  .string()
  .regex(/^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/)
  .refine((text) => {
    try {
      return Temporal.Instant.from(text) !== null;
    } catch {
      return false;
    }
  });
// Text keys go to the database as parameters: only text the one text rule leaves as it is (no NUL, which
// PostgreSQL refuses, no other control characters, no unpaired surrogates).
const textKey = z
  .string()
  .max(500)
  .refine((text) => cleanText(text) === text);
const keySchemas: Record<KeyType, z.ZodType<string | number>> = {
  timestamp: timestampKey,
  text: textKey,
  integer: z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
  uuid: z.uuid(),
};
const casts: Record<KeyType, SQL> = {
  timestamp: sql`timestamptz`,
  text: sql`text`,
  integer: sql`bigint`,
  uuid: sql`uuid`,
};

interface Cursor {
  key: string | number;
  id: string | number;
}

export function keyset<Id extends Column>(spec: KeysetSpec<Id>) {
  const cursorSchema = z.object({ s: z.literal(spec.list), k: keySchemas[spec.keyType], i: keySchemas[spec.idType] });
  // Other keys are selected as their column, so the driver's mapping gives the same type the cursor schema expects.
  const keyOut = (
    spec.keyType === "timestamp"
      ? sql`to_char(${spec.key} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`
      : spec.key
  ) as SQL<string | number>;
  const direction = spec.order === "desc" ? desc : asc;

  return {
    /** The cursor's key and id, or null for the first page; a bad cursor is VALIDATION_FAILED. */
    decode(cursor: string | undefined, locale: Locale): Cursor | null {
      if (cursor === undefined || cursor === "") return null;
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
      } catch {
        json = undefined;
      }
      const parsed = cursorSchema.safeParse(json);
      if (!parsed.success || Buffer.from(cursor, "base64url").toString("base64url") !== cursor)
        throw new AppError("VALIDATION_FAILED", [
          { path: "cursor", message: translate(locale, "pagination.badCursor") },
        ]);
      return { key: parsed.data.k, id: parsed.data.i };
    },

    /** The condition "after the cursor" (undefined on the first page, which `and()` skips). */
    after(cursor: Cursor | null): SQL | undefined {
      if (!cursor) return undefined;
      const op = spec.order === "desc" ? sql`<` : sql`>`;
      return sql`(${spec.key}, ${spec.id}) ${op} (${cursor.key}::${casts[spec.keyType]}, ${cursor.id}::${casts[spec.idType]})`;
    },

    orderBy: [direction(spec.key), direction(spec.id)] as const,

    /** Add to the query's selected columns: the key and id for the next cursor (removed by `page`). */
    columns<T extends SelectedFields>(columns: T): T & { keysetKey: SQL<string | number>; keysetId: Id } {
      return { ...columns, keysetKey: keyOut, keysetId: spec.id };
    },

    /** How many rows to ask for: one more than the page, to know whether another page follows. */
    fetch: (limit: number) => limit + 1,

    /** The page from the limit + 1 rows the query returned. */
    page<R extends { keysetKey: unknown; keysetId: unknown }>(
      rows: R[],
      limit: number,
    ): Page<Omit<R, "keysetKey" | "keysetId">> {
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      const nextCursor =
        rows.length > limit && last
          ? Buffer.from(JSON.stringify({ s: spec.list, k: last.keysetKey, i: last.keysetId })).toString("base64url")
          : null;
      return { items: shown.map(({ keysetKey: _k, keysetId: _i, ...item }) => item), nextCursor };
    },
  };
}
