import { stringify } from "csv-stringify/sync";
import type { Locale } from "../../../i18n/locale.ts";
import { translate } from "../../../i18n/translate.ts";
import { type Cell, columnsOf, type ExportTable, finnishTimeText } from "./table.ts";

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

/** The whole wall (or another table) as CSV, with a UTF-8 byte order mark so Excel reads ä, ö and å right. */
export function toCsv(table: ExportTable, locale: Locale, separator: CsvSeparator): Buffer {
  const columns = columnsOf(table);
  const text = stringify(
    table.rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, csvCell(row[c.key] ?? "", !!c.typed)]))),
    {
      bom: true,
      header: true,
      columns: columns.map((c) => ({ key: c.key, header: translate(locale, c.header) })),
      delimiter: separator === "comma" ? "," : ";",
      record_delimiter: "windows",
      // A line break inside a post must not end the row (csv-stringify quotes only the record delimiter itself).
      quoted_match: /[\r\n]/,
    },
  );
  return Buffer.from(text, "utf8");
}
