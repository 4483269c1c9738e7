import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import type { Caller } from "../../core/caller.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { type CsvSeparator, neutraliseFormula } from "../walls/outputs/csv.ts";
import { loadExcel } from "../walls/outputs/xlsx.ts";
import {
  type ContractColumn,
  columnTitle,
  contractColumns,
  metadataText,
  noticeText,
  partiesText,
  periodText,
} from "./contract-import-columns.ts";
import { hundredthsText } from "./plan-common.ts";
import type { ContractService, ContractView } from "./service.ts";

/*
 * The register as CSV or XLSX in the common column layout (contract-import-columns.ts), so a file exported here
 * imports again as it is. Both are streamed: contracts are read a page at a time and written as they come, so a
 * large register never sits in memory whole.
 */

const pageSize = 100;
type Row = Record<ContractColumn, string | number>;

/** Every contract the caller may read (in one folder when asked), a page at a time, each with its parties. */
async function* contractViews(contracts: ContractService, caller: Caller, folderId?: string) {
  let cursor: string | undefined;
  do {
    const page = await contracts.listContracts(caller, { folderId, cursor, limit: pageSize });
    const views: ContractView[] = [];
    for (const row of page.items) views.push(await contracts.getContract(caller, row.id));
    yield views;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** A contract's row: texts as the import reads them; the value in euros (a number in XLSX, text in CSV). */
function rowOf(view: ContractView, locale: Locale, valueAsText: boolean): Row {
  const c = view.contract;
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const euros = c.valueCents === null ? "" : hundredthsText(c.valueCents);
  return {
    folder: neutraliseFormula(view.folder.name),
    type: t(`commitments.type.${c.type}`),
    name: neutraliseFormula(c.name),
    number: neutraliseFormula(c.number),
    diaryNumber: neutraliseFormula(c.diaryNumber),
    parties: neutraliseFormula(partiesText(locale, view.parties)),
    period: periodText(locale, c.startDate, c.endDate),
    optionPeriods: view.optionPeriods
      .map((p) => `${periodText(locale, p.startDate, p.endDate)}${p.exercised ? " *" : ""}`)
      .join("; "),
    notice:
      c.noticePeriod !== null && c.noticeUnit ? noticeText(locale, { amount: c.noticePeriod, unit: c.noticeUnit }) : "",
    status: t(`commitments.status.${c.status}`),
    value: euros === "" ? "" : valueAsText ? (locale === "en" ? euros : euros.replace(".", ",")) : Number(euros),
    metadata: neutraliseFormula(metadataText(c.metadata)),
  };
}

/** CSV with a byte order mark (Excel reads ä, ö, å right), the language's separator unless asked. */
export function contractsCsv(
  contracts: ContractService,
  caller: Caller,
  separator: CsvSeparator,
  folderId?: string,
): ReadableStream<Uint8Array> {
  const locale = caller.locale;
  const options = {
    delimiter: separator === "comma" ? "," : ";",
    record_delimiter: "windows" as const,
    quoted_match: /[\r\n]/,
  };
  async function* lines() {
    yield stringify([contractColumns.map((c) => columnTitle(locale, c))], { ...options, bom: true });
    for await (const views of contractViews(contracts, caller, folderId))
      if (views.length)
        yield stringify(
          views.map((v) => {
            const row = rowOf(v, locale, true);
            return contractColumns.map((c) => row[c]);
          }),
          options,
        );
  }
  return Readable.toWeb(Readable.from(lines(), { objectMode: false })) as ReadableStream<Uint8Array>;
}

/** XLSX through exceljs's streaming writer: each row is committed (written out) as soon as it is added. */
export async function contractsXlsx(
  contracts: ContractService,
  caller: Caller,
  folderId?: string,
): Promise<ReadableStream<Uint8Array>> {
  const locale = caller.locale;
  const Excel = await loadExcel();
  const out = new PassThrough();
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(translate(locale, "commitments.io.sheet"), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const widths: Record<ContractColumn, number> = {
    folder: 18,
    type: 20,
    name: 40,
    number: 16,
    diaryNumber: 24,
    parties: 50,
    period: 26,
    optionPeriods: 30,
    notice: 14,
    status: 14,
    value: 16,
    metadata: 30,
  };
  sheet.columns = contractColumns.map((c) => ({ header: columnTitle(locale, c), key: c, width: widths[c] }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const views of contractViews(contracts, caller, folderId))
      for (const view of views) {
        const row = sheet.addRow(rowOf(view, locale, false));
        row.getCell("value").numFmt = "#,##0.00";
        row.commit();
      }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
