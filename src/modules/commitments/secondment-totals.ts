import { addDays, compareDates, type PlainDate } from "../../core/dates.ts";
import type { FundingSource } from "./constants.ts";
import type { SecondmentView } from "./secondments.ts";

// The secondments' sums, computed from the rows (an office has tens or hundreds of them): whole people, FTE in
// hundredths and monthly costs in cents, so that 26.2 FTE is exactly 2620 and never a float's 26.199999.

export interface Totals {
  /** Different people (one person with two secondments counts once). */
  people: number;
  secondments: number;
  fteHundredths: number;
  /** Salary plus side costs a month, cents. */
  monthlyCostCents: bigint;
}
export interface SecondmentTotals {
  total: Totals;
  byOrganisation: (Totals & { organisation: string })[];
  byFundingSource: (Totals & { fundingSource: FundingSource; grantEligibleFteHundredths: number })[];
}

const personKey = ({ secondment: s }: SecondmentView) =>
  s.personId ? `id:${s.personId}` : `name:${s.personName.trim().replace(/\s+/g, " ").toLowerCase()}`;

function sum(views: SecondmentView[]): Totals {
  return {
    people: new Set(views.map(personKey)).size,
    secondments: views.length,
    fteHundredths: views.reduce((n, v) => n + v.secondment.fteHundredths, 0),
    monthlyCostCents: views.reduce((n, v) => n + v.secondment.salaryCents + v.secondment.sideCostsCents, 0n),
  };
}

function groupBy<K>(views: SecondmentView[], keyOf: (v: SecondmentView) => K): Map<K, SecondmentView[]> {
  const groups = new Map<K, SecondmentView[]>();
  for (const v of views) groups.set(keyOf(v), [...(groups.get(keyOf(v)) ?? []), v]);
  return groups;
}

const inForce = (on: PlainDate | string) => (v: SecondmentView) =>
  compareDates(v.secondment.startDate, on) <= 0 && compareDates(v.secondment.agreedEndDate, on) >= 0;

/** The totals of all secondments, or of those in force on `on`. */
export function totalsOf(all: SecondmentView[], on: PlainDate | string | null): SecondmentTotals {
  const views = on ? all.filter(inForce(on)) : all;
  return {
    total: sum(views),
    byOrganisation: [...groupBy(views, (v) => v.secondment.homeOrganisationName)]
      .map(([organisation, group]) => ({ organisation, ...sum(group) }))
      .sort((a, b) => b.fteHundredths - a.fteHundredths || a.organisation.localeCompare(b.organisation, "fi")),
    byFundingSource: [...groupBy(views, (v) => v.secondment.fundingSource)]
      .map(([fundingSource, group]) => ({
        fundingSource,
        ...sum(group),
        grantEligibleFteHundredths: group
          .filter((v) => v.secondment.grantEligible)
          .reduce((n, v) => n + v.secondment.fteHundredths, 0),
      }))
      .sort((a, b) => b.fteHundredths - a.fteHundredths),
  };
}

export interface ReturnEntry {
  view: SecondmentView;
  /** The planned return, else the day after the agreed end. */
  returnDate: string;
  /** Whether the return date is a plan (true) or follows from the agreed end (false). */
  planned: boolean;
  /** Already back (the return date has passed). */
  returned: boolean;
}
export interface MonthlyReturns {
  /** "YYYY-MM". */
  month: string;
  people: number;
  fteHundredths: number;
  returns: ReturnEntry[];
}

/**
 * The return schedule: each secondment under the month its person goes home (the planned return date, or the
 * day after the agreed end), the months in order, each with its people and FTE. A secondment's substitution
 * chain (view.substitutes) ends with its return.
 */
export function returnScheduleOf(
  all: SecondmentView[],
  { from, to, today }: { from: PlainDate | string | null; to: PlainDate | string | null; today: PlainDate },
): MonthlyReturns[] {
  const month = (d: PlainDate | string) => String(d).slice(0, 7);
  const entries: ReturnEntry[] = all.map((view) => {
    const s = view.secondment;
    const returnDate = s.plannedReturnDate ?? addDays(s.agreedEndDate, 1).toString();
    return { view, returnDate, planned: s.plannedReturnDate !== null, returned: compareDates(returnDate, today) <= 0 };
  });
  const wanted = entries.filter(
    (e) => (!from || month(e.returnDate) >= month(from)) && (!to || month(e.returnDate) <= month(to)),
  );
  const byMonth = new Map<string, ReturnEntry[]>();
  for (const e of wanted) byMonth.set(month(e.returnDate), [...(byMonth.get(month(e.returnDate)) ?? []), e]);
  return [...byMonth.keys()].sort().map((m) => {
    const returns = (byMonth.get(m) ?? []).sort(
      (a, b) =>
        compareDates(a.returnDate, b.returnDate) ||
        a.view.secondment.personName.localeCompare(b.view.secondment.personName, "fi"),
    );
    const totals = sum(returns.map((r) => r.view));
    return { month: m, people: totals.people, fteHundredths: totals.fteHundredths, returns };
  });
}
