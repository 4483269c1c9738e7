import { once } from "node:events";
import type { Writable } from "node:stream";
import { lazy } from "../../../core/lazy.ts";

export const loadExcel = lazy(() => import("exceljs").then((m) => m.default));

import type { Locale } from "../../../i18n/locale.ts";
import { translate } from "../../../i18n/translate.ts";
import { type Cell, columnsOf, type ExportColumn, type ExportTable, finnishTime, type StreamedTable } from "./table.ts";

/**
 * Excel's rules for a sheet name: 1–31 characters, none of : \ / ? * [ ],
 * not starting or ending with an apostrophe, unique in the workbook (compared
 * without case).
 */
export function sheetName(wanted: string, taken: Set<string>, fallback: string): string {
  const clean =
    wanted
      .replace(/[:\\/?*[\]]/g, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
      .trim() || fallback;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? "" : ` (${n})`;
    const name = `${clean.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/**
 * Excel's dates have no time zone: a date cell shows the clock time it holds
 * as if it were UTC. This gives the moment that shows Finnish time.
 */
function asFinnishClock(date: Date): Date {
  const f = finnishTime(date);
  return new Date(Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second));
}

const dateFormat: Record<Locale, string> = { fi: "d.m.yyyy h:mm", sv: "yyyy-mm-dd hh:mm", en: "yyyy-mm-dd hh:mm" };

/** An empty text is an empty cell, so Excel's "blanks" filter finds it. */
const xlsxCell = (value: Cell | undefined) =>
  value instanceof Date ? asFinnishClock(value) : value === "" || value === undefined ? null : value;

/** A sheet's columns: widths, the date format of moments, long text wrapped; the header row from the names. */
function sheetColumns(columns: readonly ExportColumn[], locale: Locale) {
  return columns.map((c) => ({
    key: c.key,
    header: translate(locale, c.header),
    width: c.width,
    style: c.moment
      ? { numFmt: dateFormat[locale] }
      : c.wrap
        ? { alignment: { wrapText: true as const, vertical: "top" as const } }
        : {},
  }));
}

/**
 * The same workbook as toXlsx, written to `out` as its rows are read, with
 * exceljs's streaming writer: one sheet after another, each page of rows
 * committed (written out) as it comes, waiting while `out` is full (a slow
 * download holds the reading back instead of filling memory). Strings are
 * inline, not shared, so nothing grows with the number of rows.
 */
export async function writeXlsx(tables: StreamedTable[], locale: Locale, title: string, out: Writable): Promise<void> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = "Uudistamo";
  workbook.title = title;
  workbook.created = new Date();
  const taken = new Set<string>();
  let index = 0;
  for (const table of tables) {
    index++;
    const sheet = workbook.addWorksheet(sheetName(table.name, taken, `${index}`), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    const columns = columnsOf(table);
    sheet.columns = sheetColumns(columns, locale);
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const rows of table.pages()) {
      for (const row of rows)
        sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, xlsxCell(row[c.key])]))).commit();
      if (out.writableNeedDrain) await once(out, "drain");
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    sheet.commit();
  }
  await workbook.commit();
}

/**
 * The workbook: a sheet per table, each with a bold header row that stays in
 * view (frozen), a filter on it, and widths that fit the columns. Strings go
 * in as strings, so a post that starts with "=" never becomes a formula.
 */
export async function toXlsx(tables: ExportTable[], locale: Locale, title: string): Promise<Buffer> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Uudistamo";
  workbook.title = title;
  workbook.created = new Date();
  const taken = new Set<string>();
  tables.forEach((table, index) => {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken, `${index + 1}`), {
      views: [{ state: "frozen", ySplit: 1 }],
    });
    const columns = columnsOf(table);
    sheet.columns = sheetColumns(columns, locale);
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(Object.fromEntries(columns.map((c) => [c.key, xlsxCell(row[c.key])])));
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
