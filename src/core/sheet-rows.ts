import { parse } from "csv-parse/sync";
import type ExcelJS from "exceljs";
import { cleanText } from "./clean-text.ts";
import { lazy } from "./lazy.ts";

/**
 * Reading a spreadsheet a person uploads for an import (the strategy's measurements, an alliance's cost
 * entries): its rows as cells, with the row numbers the person sees, so every refusal can name its row.
 */
export type RawCell = string | number | Date | null;

export interface SheetRow {
  /** As the spreadsheet shows it (the header is row 1). */
  number: number;
  cells: RawCell[];
}

const loadExcel = lazy(() => import("exceljs").then((m) => m.default));

/** A date cell from Excel has no time zone: exceljs gives it as UTC midnight, so its UTC day is the day meant. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

function cellOf(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === "number" || typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") {
    if ("result" in value) return cellOf(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
  }
  return String(value);
}

/** The first sheet's rows (formulas as their results, rich text as its text); empty rows left out. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRow[]> {
  const workbook = new (await loadExcel()).Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellOf(cell.value);
    });
    rows.push({ number, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

/**
 * CSV as Excel writes it in Finland and Sweden (semicolons, a decimal comma) or in English settings (commas); a
 * UTF-8 byte order mark is skipped. The separator is the header line's.
 */
export function readCsv(bytes: Uint8Array): SheetRow[] {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = header.includes(";") ? ";" : header.includes("\t") ? "\t" : ",";
  const records: string[][] = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
  return records.map((cells, index) => ({ number: index + 1, cells }));
}

/** "2023-12-31", or the Finnish "31.12.2023", or a date cell; anything else (31.2.2023 too) is no day. */
export function dayOf(cell: RawCell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : isoDay(cell);
  const text = String(cell ?? "").trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const finnish = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (finnish) [d, m, y] = [Number(finnish[1]), Number(finnish[2]), Number(finnish[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return isoDay(date);
}

/** A cell as clean text (a date cell as its ISO day), trimmed. */
export const textOf = (cell: RawCell) => cleanText(cell instanceof Date ? isoDay(cell) : String(cell ?? "")).trim();
