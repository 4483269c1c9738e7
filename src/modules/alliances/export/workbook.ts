import type { Worksheet } from "exceljs";
import type { Locale } from "../../../i18n/locale.ts";
import { translate } from "../../../i18n/translate.ts";

export type T = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => string;
export const translator =
  (locale: Locale): T =>
  (key, params) =>
    translate(locale, key, params);

/** Cents as the spreadsheet's number of euros: exact cents are exact enough in a double up to 2^53 cents. */
export const euros = (cents: bigint) => Number(cents) / 100;

export const amountFormat = "#,##0.00";
export const dayFormat: Record<Locale, string> = { fi: "d.m.yyyy", sv: "yyyy-mm-dd", en: "yyyy-mm-dd" };

/** A day "YYYY-MM-DD" as Excel's date (no time zone: midnight UTC shows as the day). */
export const dayCell = (day: string) => new Date(`${day}T00:00:00Z`);

/** A sheet's name inside a formula: quoted, an apostrophe doubled. */
export const sheetRef = (name: string) => `'${name.replaceAll("'", "''")}'`;

/** A formula cell with its result cached, so a reader that does not calculate still shows the figure. */
export function formula(sheet: Worksheet, address: string, text: string, result: number | boolean) {
  const cell = sheet.getCell(address);
  cell.value = { formula: text, result } as never;
  if (typeof result === "number") cell.numFmt = amountFormat;
}

export function amount(sheet: Worksheet, address: string, cents: bigint) {
  const cell = sheet.getCell(address);
  cell.value = euros(cents);
  cell.numFmt = amountFormat;
}

/** A bold row of headers from column A on. */
export function headerRow(sheet: Worksheet, row: number, headers: string[]) {
  headers.forEach((h, i) => {
    const cell = sheet.getCell(row, i + 1);
    cell.value = h;
    cell.font = { bold: true };
  });
}
