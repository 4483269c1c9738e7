import type { Locale } from "../../../src/i18n/locale.ts";

/**
 * What a chart shows: shared by the server-side renderer (chart.server.ts) and the
 * Chart component, which lives in the browser bundle too, so no ECharts here.
 */
export type ChartKind = "line" | "bar";
export type SeriesStyle = "solid" | "dashed" | "dotted";
export type SeriesMarker = "circle" | "square" | "triangle" | "none";

export interface ChartPoint {
  /** A category (bar charts), a date "YYYY-MM-DD" (xAxis.type "date") or a number. */
  x: string | number;
  /** null is a gap: no measurement. */
  y: number | null;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
  /** Line style (lines) or fill pattern (bars): series never differ by colour alone. */
  style?: SeriesStyle;
  /** The point symbol of a line series. */
  marker?: SeriesMarker;
}

export interface ChartAxis {
  label: string;
  unit?: string;
}

export interface ChartSpec {
  kind: ChartKind;
  /** Shown above the chart, names the image and captions its table. */
  title: string;
  /** One or two sentences on what the chart shows; the image is described by it. */
  description: string;
  series: ChartSeries[];
  xAxis: ChartAxis & { type?: "category" | "date" | "number" };
  yAxis: ChartAxis;
  locale: Locale;
  width?: number;
  height?: number;
}

/** A chart ready for the page: the spec and its SVG, made on the server by renderChart(). */
export interface RenderedChart extends ChartSpec {
  svg: string;
}

/**
 * Series colours, each with at least 3:1 contrast against white (WCAG 1.4.11) and
 * told apart by line style, symbol and pattern as well (kit.test.tsx checks the contrast).
 */
export const chartPalette = ["#2a6ebb", "#212121", "#a34400", "#0b7a5a", "#7a3e9d", "#b0004f"] as const;

const styles: SeriesStyle[] = ["solid", "dashed", "dotted"];
const markers: SeriesMarker[] = ["circle", "square", "triangle"];

/** A series' line style and marker: as given, else the next in turn, so two series never look alike. */
export function seriesLook(series: ChartSeries, index: number): { style: SeriesStyle; marker: SeriesMarker } {
  return {
    style: series.style ?? styles[index % styles.length] ?? "solid",
    marker: series.marker ?? markers[index % markers.length] ?? "circle",
  };
}

/** The x values of all series in one order: dates and numbers ascending, categories as first seen. */
export function chartXValues(spec: Pick<ChartSpec, "series" | "xAxis">): (string | number)[] {
  const seen: (string | number)[] = [];
  for (const series of spec.series) for (const point of series.points) if (!seen.includes(point.x)) seen.push(point.x);
  const type = spec.xAxis.type ?? "category";
  if (type === "number") return seen.sort((a, b) => Number(a) - Number(b));
  if (type === "date") return seen.sort((a, b) => String(a).localeCompare(String(b)));
  return seen;
}

/** The y value of a series at an x, or null. */
export function valueAt(series: ChartSeries, x: string | number): number | null {
  return series.points.find((p) => p.x === x)?.y ?? null;
}

/** "Label (unit)" for an axis title or a table header. */
export function withUnit(label: string, unit?: string): string {
  return unit ? `${label} (${unit})` : label;
}
