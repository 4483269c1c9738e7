import type { Caller } from "../../core/caller.ts";
import { formatPlainDate } from "../../core/dates.ts";
import { AppError, type FieldIssue } from "../../core/errors.ts";
import { parseMoney } from "../../core/money.ts";
import { dayOf, readCsv, readXlsx, textOf } from "../../core/sheet-rows.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { type AllianceRow, allowIn, findAlliance, type PartyRow, partiesOf } from "./access.ts";
import { alliancesAudit } from "./audit.ts";
import { type CostCategoryName, costCategories } from "./constants.ts";
import { type AlliancesMessageKey, alliancesEn, alliancesFi, alliancesSv } from "./messages.ts";
import { allianceCostEntries } from "./schema.ts";

export type ImportFormat = "csv" | "xlsx";
export type ImportField =
  | "file"
  | "party"
  | "date"
  | "category"
  | "counts"
  | "amount"
  | "auditReference"
  | "description";

/** One refusal: the spreadsheet's row number (the header is row 1), the column and why, in the caller's language. */
export interface ImportError {
  row: number;
  field: ImportField;
  message: string;
}

export interface ImportRow {
  row: number;
  partyId: string;
  partyName: string;
  bookedOn: string;
  category: CostCategoryName;
  countsTowardTarget: boolean;
  amountCents: bigint;
  auditReference: string;
  description: string;
}

export interface ImportReport {
  rows: number;
  valid: boolean;
  errors: ImportError[];
  entries: ImportRow[];
  stored: number;
}

export const maxImportRows = 10_000;

/** The columns by the names a person may give them (any case): English keys and the fi/sv titles. */
const headerNames: Record<Exclude<ImportField, "file">, string[]> = {
  party: ["party", "osapuoli", "part"],
  date: ["date", "päivämäärä", "päivä", "datum"],
  category: ["category", "kategoria", "luokka", "kostnadsslag"],
  counts: ["counts", "counts toward target", "tavoitteeseen", "lasketaan tavoitteeseen", "mot målet"],
  amount: ["amount", "summa", "määrä", "belopp"],
  auditReference: ["audit reference", "auditreference", "tositeviite", "tosite", "verifikat"],
  description: ["description", "kuvaus", "selite", "beskrivning"],
};

/** A category by its key or its name in any of the three languages (any case). */
const categoryNames = new Map<string, CostCategoryName>();
for (const c of costCategories) {
  categoryNames.set(c.toLowerCase(), c);
  for (const catalog of [alliancesFi, alliancesSv, alliancesEn])
    categoryNames.set(catalog[`alliances.category.${c}` as AlliancesMessageKey].toLowerCase(), c);
}
const yes = new Set(["yes", "kyllä", "k", "ja", "true", "1", "x"]);
const no = new Set(["no", "ei", "e", "nej", "false", "0"]);

/**
 * Cost entries from CSV or XLSX (columns party — its business ID or exact name —, date, category, counts, amount,
 * audit reference, description). `check` is the dry run; `commit` stores every row in one write, or nothing.
 */
export function createCostImportService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(alliancesAudit);

  async function readFile(bytes: Uint8Array, format: ImportFormat | undefined) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    try {
      return (format ?? (zip ? "xlsx" : "csv")) === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
    } catch {
      return null;
    }
  }

  async function check(
    locale: Locale,
    alliance: AllianceRow,
    parties: PartyRow[],
    bytes: Uint8Array,
    format?: ImportFormat,
  ): Promise<ImportReport> {
    const t = (key: AlliancesMessageKey, params?: Record<string, string | number>) =>
      translate(locale, key as Parameters<typeof translate>[1], params);
    const fileError = (message: string): ImportReport => ({
      rows: 0,
      valid: false,
      errors: [{ row: 1, field: "file", message }],
      entries: [],
      stored: 0,
    });
    const table = await readFile(bytes, format);
    if (!table) return fileError(t("alliances.import.unreadable"));
    const [header, ...body] = table;
    if (!header) return fileError(t("alliances.import.empty"));
    const names = header.cells.map((c) => textOf(c).toLowerCase());
    const at = Object.fromEntries(
      (Object.keys(headerNames) as (keyof typeof headerNames)[]).map((f) => [
        f,
        names.findIndex((n) => headerNames[f].includes(n)),
      ]),
    ) as Record<keyof typeof headerNames, number>;
    const missing = (["party", "date", "category", "amount", "auditReference"] as const).filter((f) => at[f] < 0);
    const unknown = names.flatMap((n, i) =>
      n !== "" && !Object.values(headerNames).some((list) => list.includes(n)) ? [{ n, i }] : [],
    );
    if (missing.length || unknown.length)
      return {
        ...fileError(""),
        errors: [
          ...missing.map((field) => ({
            row: header.number,
            field,
            message: t("alliances.import.missingColumn", { column: field }),
          })),
          ...unknown.map(({ n }) => ({
            row: header.number,
            field: "file" as const,
            message: t("alliances.import.unknownColumn", { column: n }),
          })),
        ],
      };
    const rows = body.filter((r) => r.cells.some((c) => textOf(c) !== ""));
    if (rows.length === 0) return fileError(t("alliances.import.empty"));
    if (rows.length > maxImportRows) return fileError(t("alliances.import.tooManyRows", { max: maxImportRows }));

    const byBusinessId = new Map(parties.map((p) => [p.businessId, p]));
    const byName = new Map<string, PartyRow[]>();
    for (const p of parties) byName.set(p.name.toLowerCase(), [...(byName.get(p.name.toLowerCase()) ?? []), p]);
    const errors: ImportError[] = [];
    const entries: ImportRow[] = [];

    for (const { number: row, cells } of rows) {
      const cell = (i: number) => (i >= 0 ? (cells[i] ?? null) : null);
      const rowErrors: ImportError[] = [];
      const refuse = (field: ImportField, message: string) => rowErrors.push({ row, field, message });

      const ref = textOf(cell(at.party));
      const named = byName.get(ref.toLowerCase()) ?? [];
      const party = byBusinessId.get(ref) ?? (named.length === 1 ? named[0] : undefined);
      if (!ref) refuse("party", t("alliances.import.required"));
      else if (!party) refuse("party", t("alliances.import.unknownParty", { name: ref }));

      const rawDate = cell(at.date);
      const date = dayOf(rawDate);
      if (textOf(rawDate) === "") refuse("date", t("alliances.import.required"));
      else if (!date) refuse("date", t("alliances.date.invalid"));
      else if (date < alliance.startDate || date > alliance.endDate)
        refuse(
          "date",
          t("alliances.cost.outsideDates", {
            start: formatPlainDate(locale, alliance.startDate),
            end: formatPlainDate(locale, alliance.endDate),
          }),
        );

      const categoryText = textOf(cell(at.category)).toLowerCase();
      const category = categoryNames.get(categoryText);
      if (!categoryText) refuse("category", t("alliances.import.required"));
      else if (!category) refuse("category", t("alliances.cost.categoryUnknown"));

      const countsText = textOf(cell(at.counts)).toLowerCase();
      let counts = category !== "ownerOutside";
      if (countsText !== "") {
        if (yes.has(countsText)) counts = true;
        else if (no.has(countsText)) counts = false;
        else refuse("counts", t("alliances.import.yesNo"));
      }
      if (category === "ownerOutside" && counts) refuse("counts", t("alliances.cost.outsideCounts"));

      const rawAmount = cell(at.amount);
      const amountText = typeof rawAmount === "number" ? String(rawAmount) : textOf(rawAmount);
      let amountCents: bigint | undefined;
      if (amountText === "") refuse("amount", t("alliances.import.required"));
      else {
        const parsed = parseMoney(amountText, alliance.currency);
        if (!parsed.ok) refuse("amount", translate(locale, parsed.error));
        else if (parsed.value.cents < 0n) refuse("amount", t("alliances.amount.negative"));
        else amountCents = parsed.value.cents;
      }

      const auditReference = textOf(cell(at.auditReference));
      if (!auditReference || auditReference.length > 200) refuse("auditReference", t("alliances.cost.auditReference"));
      const description = textOf(cell(at.description));
      if (description.length > 2000) refuse("description", t("alliances.import.tooLong", { max: 2000 }));

      if (rowErrors.length) errors.push(...rowErrors);
      else if (party && date && category && amountCents !== undefined)
        entries.push({
          row,
          partyId: party.id,
          partyName: party.name,
          bookedOn: date,
          category,
          countsTowardTarget: counts,
          amountCents,
          auditReference,
          description,
        });
    }
    return { rows: rows.length, valid: errors.length === 0, errors, entries, stored: 0 };
  }

  const issuesOf = (errors: ImportError[]): FieldIssue[] =>
    errors.map((e) => ({ path: `rows.${e.row}.${e.field}`, message: e.message }));

  async function facts(from: Db | Tx, allianceId: string) {
    return { alliance: await findAlliance(from, allianceId), parties: await partiesOf(from, allianceId) };
  }

  return {
    /** The dry run: every row's problems (row, column, message) and the rows as they would be stored. */
    async check(caller: Caller, allianceId: string, bytes: Uint8Array, format?: ImportFormat): Promise<ImportReport> {
      await allowIn(db, caller, allianceId, "editBooks");
      const { alliance, parties } = await facts(db, allianceId);
      return check(caller.locale, alliance, parties, bytes, format);
    },

    /** Every row in one transaction, or nothing (VALIDATION_FAILED with an issue per row and column). */
    async commit(
      caller: Caller,
      allianceId: string,
      bytes: Uint8Array,
      format?: ImportFormat,
      options: { within?: WriteUnit } = {},
    ): Promise<ImportReport> {
      return write({
        caller,
        allow: async () => {
          await allowIn(options.within?.tx ?? db, caller, allianceId, "editBooks");
        },
        within: options.within,
        run: async ({ tx, audit }) => {
          const { alliance, parties } = await facts(tx, allianceId);
          const report = await check(caller.locale, alliance, parties, bytes, format);
          if (!report.valid) throw new AppError("VALIDATION_FAILED", issuesOf(report.errors));
          await tx.insert(allianceCostEntries).values(
            report.entries.map((e) => ({
              allianceId,
              partyId: e.partyId,
              bookedOn: e.bookedOn,
              category: e.category,
              countsTowardTarget: e.countsTowardTarget,
              amountCents: e.amountCents,
              auditReference: e.auditReference,
              description: e.description,
              createdBy: caller.actor?.id ?? null,
            })),
          );
          await audit("cost.import", { type: "alliance", id: allianceId }, { count: report.entries.length });
          return { ...report, stored: report.entries.length };
        },
      });
    },
  };
}

export type CostImportService = ReturnType<typeof createCostImportService>;
