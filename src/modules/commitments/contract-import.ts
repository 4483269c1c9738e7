import { and, inArray } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { compareDates, formatPlainDate } from "../../core/dates.ts";
import { AppError, type FieldIssue } from "../../core/errors.ts";
import { parseMoney } from "../../core/money.ts";
import { authorize } from "../../core/policy.ts";
import { readCsv, readXlsx, type SheetRow } from "../../core/sheet-rows.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { commitmentsAudit } from "./audit.ts";
import {
  type ContractColumn,
  cellText,
  columnNames,
  columnTitle,
  contractColumns,
  parseMetadata,
  parseNotice,
  parseOptions,
  parseParties,
  parsePeriod,
  requiredColumns,
  statusNames,
  typeNames,
} from "./contract-import-columns.ts";
import { type ContractInput, contractInput } from "./inputs.ts";
import { commitmentsPolicy } from "./policy.ts";
import { contractNoticeDeadline } from "./schedule.ts";
import { contractFolders, contracts } from "./schema.ts";
import type { ContractService } from "./service.ts";

export type ImportFormat = "csv" | "xlsx";
export type ImportField = ContractColumn | "file";

/** One refusal: the row as the spreadsheet numbers it (the header is row 1), the column, why (caller's language). */
export interface ImportError {
  row: number;
  field: ImportField;
  message: string;
}

export interface ImportedContract {
  row: number;
  folder: string;
  number: string;
  name: string;
  input: ContractInput;
}

export interface ContractImportReport {
  rows: number;
  valid: boolean;
  errors: ImportError[];
  contracts: ImportedContract[];
  /** How many the commit stored (0 in a dry run). */
  stored: number;
}

export const maxImportRows = 5_000;

/** Which column a path of contractInput's issues is in. */
const fieldOfPath: Record<string, ContractColumn> = {
  folderId: "folder",
  type: "type",
  number: "number",
  diaryNumber: "diaryNumber",
  name: "name",
  startDate: "period",
  endDate: "period",
  openEnded: "period",
  optionPeriods: "optionPeriods",
  notice: "notice",
  value: "value",
  status: "status",
  metadata: "metadata",
  parties: "parties",
};

/**
 * Contracts from CSV or XLSX in the register's common column layout (contract-import-columns.ts). `check` is the
 * dry run: every row's problems, each naming its row and column; `commit` stores every contract in one
 * transaction (each through the register's own createContract, so each has its audit row, and one more for the
 * import), or nothing.
 */
export function createContractImportService({
  db,
  writes = createWritePath(db),
  contractsService,
}: {
  db: Db;
  writes?: WritePath;
  contractsService: ContractService;
}) {
  const write = writes(commitmentsAudit);
  const manage = (caller: Caller) => authorize(commitmentsPolicy, "manageContracts", caller.actor);

  async function readFile(bytes: Uint8Array, format: ImportFormat | undefined): Promise<SheetRow[] | null> {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    try {
      return (format ?? (zip ? "xlsx" : "csv")) === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
    } catch {
      return null;
    }
  }

  async function check(
    from: Db | Tx,
    locale: Locale,
    bytes: Uint8Array,
    format: ImportFormat | undefined,
  ): Promise<ContractImportReport> {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate(locale, key, params);
    const refused = (errors: ImportError[]): ContractImportReport => ({
      rows: 0,
      valid: false,
      errors,
      contracts: [],
      stored: 0,
    });
    const table = await readFile(bytes, format);
    if (!table) return refused([{ row: 1, field: "file", message: t("commitments.io.unreadable") }]);
    const [header, ...body] = table;
    if (!header) return refused([{ row: 1, field: "file", message: t("commitments.io.empty") }]);
    const at = new Map<ContractColumn, number>();
    const headerErrors: ImportError[] = [];
    header.cells.forEach((cell, index) => {
      const title = cellText(cell);
      if (title === "") return;
      const column = columnNames.get(title.replace(/\s+/g, " ").toLowerCase());
      if (column && !at.has(column)) at.set(column, index);
      else
        headerErrors.push({
          row: header.number,
          field: "file",
          message: t("commitments.io.unknownColumn", { column: title }),
        });
    });
    for (const column of requiredColumns)
      if (!at.has(column))
        headerErrors.push({
          row: header.number,
          field: column,
          message: t("commitments.io.missingColumn", { column: columnTitle(locale, column) }),
        });
    if (headerErrors.length) return refused(headerErrors);
    const rows = body.filter((r) => r.cells.some((c) => cellText(c) !== ""));
    if (rows.length === 0) return refused([{ row: 1, field: "file", message: t("commitments.io.empty") }]);
    if (rows.length > maxImportRows)
      return refused([{ row: 1, field: "file", message: t("commitments.io.tooManyRows", { max: maxImportRows }) }]);

    const folders = new Map(
      (await from.select({ id: contractFolders.id, name: contractFolders.name }).from(contractFolders)).map((f) => [
        f.name.toLowerCase(),
        f,
      ]),
    );
    const errors: ImportError[] = [];
    const found: ImportedContract[] = [];
    /** Folder id + number → the row that has it, for duplicates within the file. */
    const seen = new Map<string, number>();

    for (const { number: row, cells } of rows) {
      const cell = (column: ContractColumn) => {
        const index = at.get(column);
        return index === undefined ? null : (cells[index] ?? null);
      };
      const text = (column: ContractColumn) => cellText(cell(column));
      const rowErrors: ImportError[] = [];
      const refuse = (field: ContractColumn, message: string) => {
        if (!rowErrors.some((e) => e.field === field)) rowErrors.push({ row, field, message });
      };
      const required = (column: ContractColumn) => {
        const value = text(column);
        if (!value) refuse(column, t("commitments.io.required"));
        return value;
      };

      const folderName = required("folder");
      const folder = folderName ? folders.get(folderName.toLowerCase()) : undefined;
      if (folderName && !folder) refuse("folder", t("commitments.io.folderUnknown", { name: folderName }));
      const typeText = required("type");
      const type = typeText ? typeNames.get(typeText.toLowerCase()) : undefined;
      if (typeText && !type) refuse("type", t("commitments.io.typeUnknown", { value: typeText }));
      const name = required("name");
      const number = required("number");
      const periodRaw = required("period");
      const period = periodRaw ? parsePeriod(periodRaw) : null;
      if (periodRaw && !period) refuse("period", t("commitments.io.periodInvalid"));
      const optionsText = text("optionPeriods");
      const optionPeriods = optionsText ? parseOptions(optionsText) : [];
      if (!optionPeriods) refuse("optionPeriods", t("commitments.io.optionInvalid"));
      const noticeRaw = text("notice");
      const notice = noticeRaw ? parseNotice(noticeRaw) : null;
      if (noticeRaw && !notice) refuse("notice", t("commitments.io.noticeInvalid"));
      const statusText = text("status");
      const status = statusText ? statusNames.get(statusText.toLowerCase()) : "active";
      if (!status) refuse("status", t("commitments.io.statusUnknown", { value: statusText }));
      const rawValue = cell("value");
      const valueText = typeof rawValue === "number" ? String(rawValue) : text("value");
      let value: { cents: number; currency: "EUR" } | null = null;
      if (valueText) {
        const parsed = parseMoney(valueText, "EUR");
        if (!parsed.ok) refuse("value", translate(locale, parsed.error));
        else value = { cents: Number(parsed.value.cents), currency: "EUR" };
      }
      const partiesText = text("parties");
      const parties = partiesText ? parseParties(partiesText) : { parties: [] };
      if (!parties) refuse("parties", t("commitments.io.partiesInvalid"));
      else if ("unknownRole" in parties)
        refuse("parties", t("commitments.io.roleUnknown", { value: parties.unknownRole }));
      const metadataText = text("metadata");
      const metadata = metadataText ? parseMetadata(metadataText) : {};
      if (!metadata) refuse("metadata", t("commitments.io.metadataInvalid"));

      // The register's own rules on what could be read: its schema (lengths, business IDs), then its cross-field
      // rules with the same messages the register gives (createContract checks all of them again on commit).
      if (folder && type && name && number && period && optionPeriods && status && parties && metadata) {
        const input: ContractInput = {
          folderId: folder.id,
          type,
          number,
          name,
          diaryNumber: text("diaryNumber"),
          startDate: period.start,
          endDate: period.end,
          openEnded: period.end === null,
          optionPeriods,
          notice,
          value,
          status,
          metadata,
          parties: "parties" in parties ? parties.parties : [],
        };
        try {
          parseInput(contractInput, input, locale);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          for (const issue of error.issues) {
            const key = issue.path.split(".")[0] ?? "";
            refuse(fieldOfPath[key] ?? "name", issue.message);
          }
        }
        if (period.end && compareDates(period.end, period.start) < 0)
          refuse("period", t("commitments.contract.endBeforeStart", { start: formatPlainDate(locale, period.start) }));
        const deadline = contractNoticeDeadline(period.end, notice);
        if (deadline && compareDates(deadline, period.start) < 0)
          refuse(
            "notice",
            t("commitments.contract.noticeLongerThanContract", {
              deadline: formatPlainDate(locale, deadline),
              start: formatPlainDate(locale, period.start),
            }),
          );
        const key = `${folder.id} ${number}`;
        const earlier = seen.get(key);
        if (earlier !== undefined) refuse("number", t("commitments.io.numberTwice", { number, row: earlier }));
        else seen.set(key, row);
        if (rowErrors.length === 0) found.push({ row, folder: folder.name, number, name, input });
      }
      errors.push(...rowErrors);
    }

    // Numbers a folder already has (one query for all the file's rows).
    const folderIds = [...new Set(found.map((c) => c.input.folderId))];
    if (folderIds.length) {
      const taken = await from
        .select({ folderId: contracts.folderId, number: contracts.number })
        .from(contracts)
        .where(
          and(
            inArray(contracts.folderId, folderIds),
            inArray(
              contracts.number,
              found.map((c) => c.number),
            ),
          ),
        );
      const takenKeys = new Set(taken.map((c) => `${c.folderId} ${c.number}`));
      for (const c of found)
        if (takenKeys.has(`${c.input.folderId} ${c.number}`))
          errors.push({
            row: c.row,
            field: "number",
            message: t("commitments.contract.numberTaken", { number: c.number }),
          });
    }
    errors.sort(
      (a, b) =>
        a.row - b.row ||
        contractColumns.indexOf(a.field as ContractColumn) - contractColumns.indexOf(b.field as ContractColumn),
    );
    const refusedRows = new Set(errors.map((e) => e.row));
    return {
      rows: rows.length,
      valid: errors.length === 0,
      errors,
      contracts: found.filter((c) => !refusedRows.has(c.row)),
      stored: 0,
    };
  }

  const issuesOf = (errors: ImportError[]): FieldIssue[] =>
    errors.map((e) => ({ path: `rows.${e.row}.${e.field}`, message: e.message }));

  return {
    /** The dry run: nothing is stored. */
    async check(caller: Caller, bytes: Uint8Array, format?: ImportFormat): Promise<ContractImportReport> {
      manage(caller);
      return check(db, caller.locale, bytes, format);
    },

    /** Every contract in one transaction, or none (VALIDATION_FAILED with an issue per row and column). */
    async commit(
      caller: Caller,
      bytes: Uint8Array,
      format?: ImportFormat,
      options: { within?: WriteUnit } = {},
    ): Promise<ContractImportReport> {
      return write({
        caller,
        allow: () => manage(caller),
        within: options.within,
        run: async ({ tx, unit, audit }) => {
          const report = await check(tx, caller.locale, bytes, format);
          if (!report.valid) throw new AppError("VALIDATION_FAILED", issuesOf(report.errors));
          for (const c of report.contracts) {
            try {
              await contractsService.createContract(caller, c.input, { within: unit });
            } catch (error) {
              // A rule only the database knows (a clash with a write at the same moment): named by its row.
              if (!(error instanceof AppError) || error.code !== "VALIDATION_FAILED") throw error;
              throw new AppError(
                "VALIDATION_FAILED",
                error.issues.map((i) => ({
                  path: `rows.${c.row}.${fieldOfPath[i.path.split(".")[0] ?? ""] ?? "name"}`,
                  message: i.message,
                })),
              );
            }
          }
          const folderIds = [...new Set(report.contracts.map((c) => c.input.folderId))];
          await audit(
            "contract.import",
            { type: "contractFolder", id: folderIds.length === 1 ? (folderIds[0] ?? null) : null },
            { count: report.contracts.length, folderIds },
          );
          return { ...report, stored: report.contracts.length };
        },
      });
    },
  };
}

export type ContractImportService = ReturnType<typeof createContractImportService>;
