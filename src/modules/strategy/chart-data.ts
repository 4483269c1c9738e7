import type { z } from "zod";
import { toDecimal } from "./decimal.ts";
import type { indicatorSchema } from "./presenters.ts";
import { expectedOn, type IndicatorTarget } from "./status.ts";

/** An indicator as the presenter gives it (the API's and the pages' shape). */
export type PresentedIndicator = z.infer<typeof indicatorSchema>;

/**
 * One day of an indicator's chart and table: a measurement's day or a point of the target path (baseline,
 * intermediate target, target). Values are exact decimal strings; `expected` is the target path's value that day
 * (rounded to 6 decimals, as the status rule's), `target` the set value when the day is a point of the path.
 */
export interface IndicatorChartRow {
  date: string;
  measured: string | null;
  expected: string;
  target: string | null;
  /** Which point of the path the day is, if it is one. */
  pathPoint: "baseline" | "intermediate" | "target" | null;
}

/** The target of a presented indicator, as status.ts takes it. */
export function targetOf(indicator: PresentedIndicator): IndicatorTarget {
  return {
    direction: indicator.direction,
    baselineValue: indicator.baseline.value,
    baselineDate: indicator.baseline.date,
    targetValue: indicator.target.value,
    targetDate: indicator.target.date,
    intermediateTargets: Object.fromEntries(indicator.intermediateTargets.map((t) => [String(t.year), t.value])),
  };
}

/** The days of the chart in date order: every measurement and every point of the target path, each once. */
export function indicatorChartRows(indicator: PresentedIndicator): IndicatorChartRow[] {
  const target = targetOf(indicator);
  const days = new Set<string>([...indicator.path.map((p) => p.date), ...indicator.measurements.map((m) => m.date)]);
  return [...days].sort().map((date) => {
    const point = indicator.path.find((p) => p.date === date);
    return {
      date,
      measured: indicator.measurements.find((m) => m.date === date)?.value ?? null,
      expected: toDecimal(expectedOn(target, date), 6),
      target: point && point.kind !== "baseline" ? point.value : null,
      pathPoint: point?.kind ?? null,
    };
  });
}

/** A line series in the shape of the UI kit's ChartSeries (app/ui/kit/chart-types.ts), numbers for drawing only. */
export interface IndicatorChartSeries {
  name: string;
  points: { x: string; y: number | null }[];
  style: "solid" | "dashed" | "dotted";
  marker: "circle" | "square" | "triangle" | "none";
}

/**
 * The chart's three series: the measured values (solid, circles), the target path through every day of the chart
 * (dashed, no markers: a straight line between its points, so the days in between lie on it) and the set targets
 * (squares on the path). They differ by line and marker, never by colour alone; the exact values are the rows'.
 */
export function indicatorChartSeries(
  indicator: PresentedIndicator,
  names: { measured: string; expected: string; target: string },
): IndicatorChartSeries[] {
  const rows = indicatorChartRows(indicator);
  const measured = rows.filter((r) => r.measured !== null);
  const targets = rows.filter((r) => r.target !== null);
  return [
    { name: names.measured, style: "solid", marker: "circle", points: measured.map(point("measured")) },
    { name: names.expected, style: "dashed", marker: "none", points: rows.map(point("expected")) },
    { name: names.target, style: "dotted", marker: "square", points: targets.map(point("target")) },
  ];
}

const point =
  (column: "measured" | "expected" | "target") =>
  (row: IndicatorChartRow): { x: string; y: number | null } => ({
    x: row.date,
    y: row[column] === null ? null : Number(row[column]),
  });
