import { eq, inArray } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { formatPlainDate } from "../../core/dates.ts";
import { AppError, type FieldIssue } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { dayOf, readCsv, readXlsx, textOf } from "../../core/sheet-rows.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { membershipOf } from "../groups/access.ts";
import { strategyAudit } from "./audit.ts";
import { isPublished } from "./constants.ts";
import { parseDecimal } from "./decimal.ts";
import { canEnterMeasurements, canReadStrategy } from "./policy.ts";
import { strategies, strategyGoals, strategyIndicators, strategyMeasurements } from "./schema.ts";
import { periodOf, type StrategyRow } from "./service.ts";

export type ImportFormat = "csv" | "xlsx";
export type ImportField = "file" | "indicator" | "date" | "value" | "source";

/** One refusal: the spreadsheet's row number (the header is row 1), the column and why, in the caller's language. */
export interface ImportError {
  row: number;
  field: ImportField;
  message: string;
}

export interface ImportRow {
  row: number;
  indicatorId: string;
  indicatorName: string;
  date: string;
  /** A canonical decimal string. */
  value: string;
  source: string;
}

export interface ImportReport {
  /** Data rows read (blank rows are skipped). */
  rows: number;
  /** True when every row is fine: committing would store them all. */
  valid: boolean;
  errors: ImportError[];
  /** The rows as they would be stored (the valid ones). */
  measurements: ImportRow[];
  /** On a commit: how many were stored (all of them, or nothing). */
  stored: number;
}

/** A file this big is a mistake, not a series. */
export const maxImportRows = 10_000;

/** The columns, by the names a person may give them (any case): English keys and the fi/sv column titles. */
const headerNames: Record<Exclude<ImportField, "file">, string[]> = {
  indicator: ["indicator", "indikaattori", "indikator"],
  date: ["date", "päivämäärä", "päivä", "datum"],
  value: ["value", "arvo", "värde"],
  source: ["source", "lähde", "tietolähde", "källa"],
};

interface IndicatorFacts {
  id: string;
  name: string;
  /** Whether this caller may enter its measurements (staff; the goal's responsible group once public). */
  mayEnter: boolean;
}

/**
 * Measurements from CSV or XLSX (columns indicator — its id or exact name within the strategy —, date, value,
 * source). `check` is the dry run: every row's problems, nothing stored. `commit` stores every row in one write or,
 * if any row has a problem, nothing.
 */
export function createImportService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(strategyAudit);

  async function findStrategy(from: Db | Tx, id: string): Promise<StrategyRow> {
    const [row] = await from.select().from(strategies).where(eq(strategies.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  /** The strategy's indicators and which of them this caller may enter measurements for. */
  async function indicatorsOf(from: Db | Tx, caller: Caller, strategy: StrategyRow): Promise<IndicatorFacts[]> {
    const rows = await from
      .select({ id: strategyIndicators.id, name: strategyIndicators.name, groupId: strategyGoals.responsibleGroupId })
      .from(strategyIndicators)
      .innerJoin(strategyGoals, eq(strategyGoals.id, strategyIndicators.goalId))
      .where(eq(strategyGoals.strategyId, strategy.id));
    const memberships = new Map<string, Awaited<ReturnType<typeof membershipOf>>>();
    for (const groupId of new Set(rows.flatMap((r) => (r.groupId ? [r.groupId] : []))))
      memberships.set(groupId, await membershipOf(from, groupId, caller.actor));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      mayEnter: canEnterMeasurements(
        strategy.status,
        r.groupId ? (memberships.get(r.groupId) ?? null) : null,
        caller.actor,
      ),
    }));
  }

  /** The policy step: the strategy's measurements are the caller's to enter, for at least one of its indicators. */
  async function allowed(from: Db | Tx, caller: Caller, strategyId: string) {
    assertUuid(strategyId);
    const strategy = await findStrategy(from, strategyId);
    const refusal = new AppError(caller.actor ? "FORBIDDEN" : "UNAUTHENTICATED");
    if (!canReadStrategy(strategy.status, caller.actor)) throw refusal;
    const indicators = await indicatorsOf(from, caller, strategy);
    const anyOwn = indicators.some((i) => i.mayEnter);
    // Staff may import into a strategy without indicators yet (every row then names an unknown indicator).
    if (!anyOwn && !canEnterMeasurements(strategy.status, null, caller.actor)) throw refusal;
    return { strategy, indicators };
  }

  async function readFile(bytes: Uint8Array, format: ImportFormat | undefined) {
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    const kind = format ?? (zip ? "xlsx" : "csv");
    try {
      return kind === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
    } catch {
      return null;
    }
  }

  /** Every row checked against the strategy and what is stored (`from`: the commit's transaction). */
  async function check(
    from: Db | Tx,
    locale: Locale,
    strategy: StrategyRow,
    indicators: IndicatorFacts[],
    bytes: Uint8Array,
    format?: ImportFormat,
  ): Promise<ImportReport> {
    const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
      translate(locale, key, params);
    const fileError = (message: string): ImportReport => ({
      rows: 0,
      valid: false,
      errors: [{ row: 1, field: "file", message }],
      measurements: [],
      stored: 0,
    });
    const table = await readFile(bytes, format);
    if (!table) return fileError(t("strategy.import.unreadable"));
    const [header, ...body] = table;
    if (!header) return fileError(t("strategy.import.empty"));
    const names = header.cells.map((c) => textOf(c).toLowerCase());
    const column = (field: keyof typeof headerNames) => names.findIndex((n) => headerNames[field].includes(n));
    const at = {
      indicator: column("indicator"),
      date: column("date"),
      value: column("value"),
      source: column("source"),
    };
    const missing = (["indicator", "date", "value"] as const).filter((f) => at[f] < 0);
    if (missing.length)
      return {
        ...fileError(""),
        errors: missing.map((field) => ({
          row: header.number,
          field,
          message: t("strategy.import.missingColumn", { column: field }),
        })),
      };
    const rows = body.filter((r) => r.cells.some((c) => textOf(c) !== ""));
    if (rows.length === 0) return fileError(t("strategy.import.empty"));
    if (rows.length > maxImportRows) return fileError(t("strategy.import.tooManyRows", { max: maxImportRows }));

    const byId = new Map(indicators.map((i) => [i.id, i]));
    const byName = new Map<string, IndicatorFacts[]>();
    for (const i of indicators) byName.set(i.name, [...(byName.get(i.name) ?? []), i]);
    const period = periodOf(strategy);
    const errors: ImportError[] = [];
    const measurements: ImportRow[] = [];
    const seen = new Map<string, number>();

    for (const { number: row, cells } of rows) {
      const cell = (i: number) => (i >= 0 ? (cells[i] ?? null) : null);
      const rowErrors: ImportError[] = [];
      const refuse = (field: ImportField, message: string) => rowErrors.push({ row, field, message });

      const ref = textOf(cell(at.indicator));
      let indicator: IndicatorFacts | undefined;
      if (!ref) refuse("indicator", t("strategy.import.required"));
      else {
        const named = byName.get(ref) ?? [];
        indicator = byId.get(ref.toLowerCase()) ?? (named.length === 1 ? named[0] : undefined);
        if (named.length > 1) refuse("indicator", t("strategy.import.ambiguousIndicator", { name: ref }));
        else if (!indicator) refuse("indicator", t("strategy.import.unknownIndicator", { name: ref }));
        else if (!indicator.mayEnter) refuse("indicator", t("strategy.import.notYours", { name: indicator.name }));
      }

      const rawDate = cell(at.date);
      const date = dayOf(rawDate);
      if (textOf(rawDate) === "") refuse("date", t("strategy.import.required"));
      else if (!date) refuse("date", t("strategy.import.badDate"));
      else if (date < period.first || date > period.last)
        refuse(
          "date",
          t("strategy.measurement.outsidePeriod", {
            start: formatPlainDate(locale, period.first),
            end: formatPlainDate(locale, period.last),
          }),
        );

      const rawValue = cell(at.value);
      const valueText = typeof rawValue === "number" ? rawValue : textOf(rawValue);
      let value: string | undefined;
      if (valueText === "") refuse("value", t("strategy.import.required"));
      else {
        const parsed = parseDecimal(valueText);
        if ("value" in parsed) value = parsed.value;
        else refuse("value", t(`strategy.value.${parsed.problem}`));
      }

      const source = textOf(cell(at.source));
      if (source.length > 1000) refuse("source", t("strategy.import.sourceTooLong", { max: 1000 }));

      if (indicator && date) {
        const key = `${indicator.id}|${date}`;
        const earlier = seen.get(key);
        if (earlier !== undefined)
          refuse("date", t("strategy.import.duplicateInFile", { row: earlier, date: formatPlainDate(locale, date) }));
        else seen.set(key, row);
      }
      if (rowErrors.length) errors.push(...rowErrors);
      else if (indicator && date && value !== undefined)
        measurements.push({ row, indicatorId: indicator.id, indicatorName: indicator.name, date, value, source });
    }

    // Days already measured: one query for the file's indicators.
    const ids = [...new Set(measurements.map((m) => m.indicatorId))];
    const stored = ids.length
      ? await from
          .select({ indicatorId: strategyMeasurements.indicatorId, date: strategyMeasurements.measuredOn })
          .from(strategyMeasurements)
          .where(inArray(strategyMeasurements.indicatorId, ids))
      : [];
    const taken = new Set(stored.map((s) => `${s.indicatorId}|${s.date}`));
    const fresh = measurements.filter((m) => {
      if (!taken.has(`${m.indicatorId}|${m.date}`)) return true;
      errors.push({
        row: m.row,
        field: "date",
        message: t("strategy.measurement.duplicate", { date: formatPlainDate(locale, m.date) }),
      });
      return false;
    });
    errors.sort((a, b) => a.row - b.row);
    return { rows: rows.length, valid: errors.length === 0, errors, measurements: fresh, stored: 0 };
  }

  const issuesOf = (errors: ImportError[]): FieldIssue[] =>
    errors.map((e) => ({ path: `rows.${e.row}.${e.field}`, message: e.message }));

  return {
    /** The dry run: every row's problems (row, column, message) and the rows as they would be stored; nothing changes. */
    async check(caller: Caller, strategyId: string, bytes: Uint8Array, format?: ImportFormat): Promise<ImportReport> {
      const { strategy, indicators } = await allowed(db, caller, strategyId);
      return check(db, caller.locale, strategy, indicators, bytes, format);
    },

    /**
     * Stores every row in one transaction, or nothing: any problem (the dry run's, checked again inside the
     * transaction) is VALIDATION_FAILED with an issue per row and column (`rows.<row>.<field>`).
     */
    async commit(
      caller: Caller,
      strategyId: string,
      bytes: Uint8Array,
      format?: ImportFormat,
      options: { within?: WriteUnit } = {},
    ): Promise<ImportReport> {
      return write({
        caller,
        allow: async () => {
          await allowed(options.within?.tx ?? db, caller, strategyId);
        },
        within: options.within,
        run: async ({ tx, audit }) => {
          const strategy = await findStrategy(tx, strategyId);
          const report = await check(
            tx,
            caller.locale,
            strategy,
            await indicatorsOf(tx, caller, strategy),
            bytes,
            format,
          );
          if (!report.valid) throw new AppError("VALIDATION_FAILED", issuesOf(report.errors));
          try {
            await tx.insert(strategyMeasurements).values(
              report.measurements.map((m) => ({
                indicatorId: m.indicatorId,
                measuredOn: m.date,
                value: m.value,
                source: m.source,
                enteredBy: caller.actor?.id ?? null,
              })),
            );
          } catch (error) {
            // Someone entered one of these days meanwhile: the same refusal as the check's, for the whole file.
            if (isUniqueViolation(error))
              throw new AppError("VALIDATION_FAILED", [
                { path: "file", message: translate(caller.locale, "strategy.import.changedMeanwhile") },
              ]);
            throw error;
          }
          await audit(
            "measurement.import",
            { type: "strategy", id: strategyId },
            {
              count: report.measurements.length,
              indicators: [...new Set(report.measurements.map((m) => m.indicatorId))],
              published: isPublished(strategy.status),
            },
          );
          return { ...report, stored: report.measurements.length };
        },
      });
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
