import { desc, eq } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { add, type CurrencyCode, type Money, multiply, zero } from "../../core/money.ts";
import type { Db } from "../../db/client.ts";
import { allowIn, partiesOf, yearsOf } from "./access.ts";
import { type BooksService, type BooksSummaryRow, booksSummary, type CostEntryRow } from "./books.ts";
import { decodeBigints } from "./codec.ts";
import { type IncentiveModel, incentiveModelSchema } from "./incentive/model.ts";
import { type Rational, rational } from "./incentive/rational.ts";
import { yearTarget } from "./incentive/settle.ts";
import type { StepValue } from "./incentive/steps.ts";
import { allianceBudgetLines, allianceModels, allianceSettlements } from "./schema.ts";
import type { SettlementResult } from "./settlements.ts";

/** One month of the cumulative chart: the counted cost so far against the target path and its band. */
export interface CumulativeMonth {
  /** "YYYY-MM". */
  month: string;
  /** Cost counted toward the target up to the month's end; null after the last month with entries. */
  actual: Money | null;
  /** The targets of the years before, plus this year's target spread evenly over its months. */
  target: Money | null;
  /** The first gain band's lower end and the first pain band's upper end (e.g. a ceiling at 110 %); null: none. */
  floor: Money | null;
  ceiling: Money | null;
}

/** One year's key result areas as the newest settlement scored them. */
export interface KraYear {
  year: number;
  /** Pool: the weighted score −100…+100 and each area's; per point: the points achieved and promised. */
  score: Rational | null;
  areas: { name: string; score: Rational }[];
  achieved: string | null;
  promised: string | null;
}

export interface AllianceChartData {
  currency: CurrencyCode;
  parties: { id: string; name: string }[];
  /** Budget against actual per year and party (the alliance's own year rows left out). */
  books: BooksSummaryRow[];
  cumulative: CumulativeMonth[];
  kra: { kind: IncentiveModel["kra"]["kind"]; years: KraYear[] };
}

/** 12 months of each year, "YYYY-MM". */
const monthsOf = (years: readonly number[]) =>
  years.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, "0")}`));

/** The band's edge at `basisPoints` of the target away from it (below for the floor, above for the ceiling). */
const edge = (target: Money, bands: IncentiveModel["gainBands"], sign: 1 | -1): Money | null => {
  const end = bands[0]?.toBasisPointsOfTarget;
  if (end === null || end === undefined) return null;
  return multiply(target, 10_000 + sign * end, 10_000, "halfUp");
};

/**
 * The cumulative path: the counted cost month by month against the newest model's target (each year's target
 * spread evenly over its months, exact to the cent) with the band between the first gain and pain bands' ends.
 */
export function cumulativeMonths(
  entries: readonly CostEntryRow[],
  years: readonly number[],
  model: IncentiveModel | null,
  currency: CurrencyCode,
): CumulativeMonth[] {
  const counted = new Map<string, bigint>();
  for (const e of entries)
    if (e.countsTowardTarget)
      counted.set(e.bookedOn.slice(0, 7), (counted.get(e.bookedOn.slice(0, 7)) ?? 0n) + e.amountCents);
  const lastBooked = [...counted.keys()].sort().at(-1) ?? "";
  const modelYears = model ? model.years.map((y) => y.year) : [];
  const chartYears = [...new Set([...years, ...modelYears])].sort((a, b) => a - b);
  let actual = zero(currency);
  let before = zero(currency);
  return monthsOf(chartYears).map((month) => {
    const y = Number(month.slice(0, 4));
    const m = Number(month.slice(5, 7));
    actual = add(actual, { cents: counted.get(month) ?? 0n, currency });
    let target: Money | null = null;
    if (model?.years.some((x) => x.year === y)) {
      const full = yearTarget(model, y);
      target = add(before, multiply(full, m, 12, "halfUp"));
      if (m === 12) before = add(before, full);
    }
    return {
      month,
      actual: month <= lastBooked ? actual : null,
      target,
      floor: target && model ? edge(target, model.gainBands, -1) : null,
      ceiling: target && model ? edge(target, model.painBands, 1) : null,
    };
  });
}

/** The KRA scores of each year of a settlement, read from its steps. */
export function kraYears(result: SettlementResult | null): KraYear[] {
  if (!result) return [];
  return result.years.map((year) => {
    const step = (id: string) => year.steps.find((s) => s.id === id);
    const ratio = (v: StepValue | undefined) => (v?.kind === "ratio" ? v.value : null);
    const decimal = (v: StepValue | undefined) => (v?.kind === "decimal" ? v.value : null);
    const kra = step("kra");
    return {
      year: year.year,
      score: ratio(step("kra.score")?.result),
      areas: year.steps
        .filter((s) => s.id.startsWith("kra.area."))
        .map((s) => ({
          name: s.inputs.area?.kind === "text" ? s.inputs.area.value : s.id,
          score: ratio(s.result) ?? rational(0),
        })),
      achieved: decimal(kra?.inputs.achieved),
      promised: decimal(kra?.inputs.promised),
    };
  });
}

/** What the alliance page's charts show, read once for the page: the books, the newest model and settlement. */
export function createChartDataService({ db, books }: { db: Db; books: BooksService }) {
  return {
    async charts(caller: Caller, allianceId: string): Promise<AllianceChartData> {
      const { alliance } = await allowIn(db, caller, allianceId, "readAlliance");
      const [budget, entries, parties, [modelRow], [settlementRow]] = await Promise.all([
        db.select().from(allianceBudgetLines).where(eq(allianceBudgetLines.allianceId, allianceId)),
        books.allEntries(db, allianceId),
        partiesOf(db, allianceId),
        db
          .select()
          .from(allianceModels)
          .where(eq(allianceModels.allianceId, allianceId))
          .orderBy(desc(allianceModels.version))
          .limit(1),
        db
          .select()
          .from(allianceSettlements)
          .where(eq(allianceSettlements.allianceId, allianceId))
          .orderBy(desc(allianceSettlements.year), desc(allianceSettlements.version))
          .limit(1),
      ]);
      const model = modelRow ? incentiveModelSchema.parse(modelRow.model) : null;
      const result = settlementRow ? decodeBigints<SettlementResult>(settlementRow.result) : null;
      return {
        currency: alliance.currency,
        parties: parties.map((p) => ({ id: p.id, name: p.name })),
        books: booksSummary(budget, entries, alliance.currency).filter((r) => r.partyId !== null),
        cumulative: cumulativeMonths(entries, yearsOf(alliance), model, alliance.currency),
        kra: { kind: model?.kra.kind ?? "none", years: kraYears(result) },
      };
    },
  };
}
