import { stringify } from "csv-stringify/sync";
import type { Locale } from "../../../i18n/locale.ts";
import { translate } from "../../../i18n/translate.ts";
import {
  type Cell,
  columnsOf,
  type ExportColumn,
  type ExportTable,
  finnishTimeText,
  type StreamedTable,
} from "./table.ts";

export type CsvSeparator = "comma" | "semicolon";

/**
 * Excel uses the list separator of the computer's regional settings: a
 * semicolon in Finland and Sweden (where the comma is the decimal mark), a
 * comma in English settings. The request may choose; otherwise the language
 * decides.
 */
export function csvSeparator(locale: Locale, requested: string | undefined): CsvSeparator {
  if (requested === "comma" || requested === "semicolon") return requested;
  return locale === "en" ? "comma" : "semicolon";
}

/**
 * A spreadsheet runs text that starts with = + - @ (or a tab or carriage
 * return) as a formula. Text a participant typed is kept as text by a leading
 * apostrophe, as OWASP advises for CSV exports.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell, typed: boolean): string | number {
  if (value instanceof Date) return finnishTimeText(value);
  if (typeof value === "number") return value;
  return typed ? neutraliseFormula(value) : value;
}

function csvText(
  rows: Record<string, Cell>[],
  columns: readonly ExportColumn[],
  locale: Locale,
  separator: CsvSeparator,
  first: boolean,
): string {
  return stringify(
    rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, csvCell(row[c.key] ?? "", !!c.typed)]))),
    {
      bom: first,
      header: first,
      columns: columns.map((c) => ({ key: c.key, header: translate(locale, c.header) })),
      delimiter: separator === "comma" ? "," : ";",
      record_delimiter: "windows",
      // A line break inside a post must not end the row (csv-stringify quotes only the record delimiter itself).
      quoted_match: /[\r\n]/,
    },
  );
}

/** A table as CSV, with a UTF-8 byte order mark so Excel reads ä, ö and å right. */
export function toCsv(table: ExportTable, locale: Locale, separator: CsvSeparator): Buffer {
  return Buffer.from(csvText(table.rows, columnsOf(table), locale, separator, true), "utf8");
}

/**
 * The same CSV written as its rows are read: the header (and the byte order
 * mark) first, then each page of rows as it comes, so only one page is ever in
 * memory.
 */
export async function* csvChunks(
  table: StreamedTable,
  locale: Locale,
  separator: CsvSeparator,
): AsyncGenerator<Buffer> {
  const columns = columnsOf(table);
  yield Buffer.from(csvText([], columns, locale, separator, true), "utf8");
  for await (const rows of table.pages()) {
    if (rows.length > 0) yield Buffer.from(csvText(rows, columns, locale, separator, false), "utf8");
  }
}
