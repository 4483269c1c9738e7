import { behindThreshold, type IndicatorDirection, type IndicatorStatus } from "./constants.ts";
import { add, compare, div, type Fraction, fraction, fromInteger, mul, sub, toDecimal } from "./decimal.ts";

/**
 * The status of an indicator, a pure function of its baseline, target, intermediate targets and measurements.
 * The rule as the page prints it is the message "strategy.status.rule" (fi/sv/en); this code is that rule:
 *
 * - The target path is a straight line from the baseline (date, value) to the target (date, value), through the
 *   intermediate targets, each at the last day of its year (31 December). Before the baseline date the path is
 *   the baseline value, after the target date the target value.
 * - The latest measurement (by date) is compared with the path's value on the measurement's date (expected).
 * - on_track: the measurement is at or better than expected ("better" by the indicator's direction).
 * - behind: not on track, but the change from the baseline in the better direction is at least 75 % of the change
 *   the path expects from the baseline by that date (so the path must expect an improvement).
 * - off_track: otherwise: less than 75 %, a change in the wrong direction, or any shortfall when the path expects
 *   no improvement by that date.
 * - no_data: no measurements.
 *
 * Everything is exact (fractions of bigints), so 75 % is 75 %. Dates are ISO calendar days ("YYYY-MM-DD").
 */
export interface IndicatorTarget {
  direction: IndicatorDirection;
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetDate: string;
  /** Year ("2023") → value at the end of that year. Years whose 31 December is not strictly between the baseline and target dates are not on the path. */
  intermediateTargets?: Record<string, string>;
}

export interface MeasuredValue {
  date: string;
  value: string;
}

export interface PathPoint {
  date: string;
  /** A canonical decimal string. */
  value: string;
  kind: "baseline" | "intermediate" | "target";
}

export interface IndicatorStatusResult {
  status: IndicatorStatus;
  /** The measurement the status is about (the latest by date), or null without measurements. */
  latest: MeasuredValue | null;
  /** The path's value on the latest measurement's date, rounded to 6 decimals; null without measurements. */
  expected: string | null;
  /**
   * The change from the baseline as a percentage of the change the path expects by then (100 = on the path),
   * rounded to one decimal; null without measurements or when the path expects no change by then.
   */
  progressPercent: string | null;
}

/** Days since 1970-01-01 of an ISO calendar day. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/** The target path's points in date order: the baseline, the intermediate targets on it, the target. */
export function targetPath(target: IndicatorTarget): PathPoint[] {
  const start = dayNumber(target.baselineDate);
  const end = dayNumber(target.targetDate);
  const intermediate = Object.entries(target.intermediateTargets ?? {})
    .map(([year, value]) => ({
      date: `${year}-12-31`,
      value: toDecimal(fraction(value), 6),
      kind: "intermediate" as const,
    }))
    .filter((p) => dayNumber(p.date) > start && dayNumber(p.date) < end)
    .sort((a, b) => a.date.localeCompare(b.date));
  return [
    { date: target.baselineDate, value: toDecimal(fraction(target.baselineValue), 6), kind: "baseline" },
    ...intermediate,
    { date: target.targetDate, value: toDecimal(fraction(target.targetValue), 6), kind: "target" },
  ];
}

/** The path's exact value on a day (interpolated on the segment the day falls in). */
export function expectedOn(target: IndicatorTarget, date: string): Fraction {
  const path = targetPath(target);
  const day = dayNumber(date);
  const first = path[0] as PathPoint;
  const last = path.at(-1) as PathPoint;
  if (day <= dayNumber(first.date)) return fraction(first.value);
  if (day >= dayNumber(last.date)) return fraction(last.value);
  for (let i = 0; i + 1 < path.length; i++) {
    const a = path[i] as PathPoint;
    const b = path[i + 1] as PathPoint;
    const da = dayNumber(a.date);
    const db = dayNumber(b.date);
    if (day >= da && day <= db) {
      const share = div(fromInteger(day - da), fromInteger(db - da));
      return add(fraction(a.value), mul(sub(fraction(b.value), fraction(a.value)), share));
    }
  }
  return fraction(last.value);
}

/** The latest measurement by date (the status is about it). */
export function latestMeasurement<M extends MeasuredValue>(measurements: readonly M[]): M | null {
  let latest: M | null = null;
  for (const m of measurements) if (!latest || m.date > latest.date) latest = m;
  return latest;
}

export function indicatorStatus(
  target: IndicatorTarget,
  measurements: readonly MeasuredValue[],
): IndicatorStatusResult {
  const latest = latestMeasurement(measurements);
  if (!latest) return { status: "no_data", latest: null, expected: null, progressPercent: null };
  const sign = fromInteger(target.direction === "higher_better" ? 1 : -1);
  const baseline = fraction(target.baselineValue);
  const expected = expectedOn(target, latest.date);
  const measured = fraction(latest.value);
  // In the better direction: how much the path expects by then, and how much has been achieved.
  const planned = mul(sign, sub(expected, baseline));
  const achieved = mul(sign, sub(measured, baseline));
  const zero = fromInteger(0);
  const threshold = div(fromInteger(behindThreshold.numerator), fromInteger(behindThreshold.denominator));
  const status: IndicatorStatus =
    compare(achieved, planned) >= 0
      ? "on_track"
      : compare(planned, zero) > 0 && compare(achieved, mul(threshold, planned)) >= 0
        ? "behind"
        : "off_track";
  return {
    status,
    latest: { date: latest.date, value: latest.value },
    expected: toDecimal(expected, 6),
    progressPercent: planned.n === 0n ? null : toDecimal(mul(div(achieved, planned), fromInteger(100)), 1),
  };
}
