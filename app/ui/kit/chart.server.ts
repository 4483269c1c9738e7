import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { formatNumber } from "../../../src/i18n/format.ts";
import { intlTag } from "../../../src/i18n/locale.ts";
import {
  type ChartSeries,
  type ChartSpec,
  chartPalette,
  chartXValues,
  type RenderedChart,
  type SeriesMarker,
  type SeriesStyle,
  seriesLook,
  valueAt,
  withUnit,
} from "./chart-types.ts";
import { assertSafeSvg } from "./svg-safety.server.ts";

// Only what the kit draws; the SVG renderer needs no canvas, so this runs in Node.
echarts.use([LineChart, BarChart, GridComponent, LegendComponent, SVGRenderer]);

// Single quotes: ECharts writes the font into a style="…" attribute without escaping it.
const font = "'Source Sans Pro', 'Helvetica Neue', Arial, sans-serif";
const text = "#212121";
const axis = "#5f686d";

const symbolOf: Record<SeriesMarker, string> = { circle: "circle", square: "rect", triangle: "triangle", none: "none" };

// Bars have no line style: their fill pattern tells them apart instead (white over the colour).
const decalOf: Record<SeriesStyle, object | undefined> = {
  solid: undefined,
  dashed: { symbol: "rect", color: "rgba(255,255,255,0.55)", dashArrayX: [1, 0], dashArrayY: [3, 4], rotation: -0.8 },
  dotted: { symbol: "circle", color: "rgba(255,255,255,0.7)", symbolSize: 0.6, dashArrayX: [[6, 6]], dashArrayY: 6 },
};

function escapeXml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

function shortDate(locale: ChartSpec["locale"], ms: number): string {
  return new Intl.DateTimeFormat(intlTag[locale], {
    day: "numeric",
    month: "numeric",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(ms));
}

function seriesOption(spec: ChartSpec, series: ChartSeries, index: number, xs: (string | number)[]) {
  const color = chartPalette[index % chartPalette.length];
  const look = seriesLook(series, index);
  const type = spec.xAxis.type ?? "category";
  if (spec.kind === "bar") {
    return {
      type: "bar",
      name: series.name,
      data: xs.map((x) => valueAt(series, x)),
      itemStyle: { color, borderColor: text, borderWidth: 1, decal: decalOf[look.style] },
      // The value on each bar: read without the axis, and never by colour.
      label: {
        show: true,
        position: "top",
        color: text,
        formatter: (p: { value: number | null }) => (p.value === null ? "" : formatNumber(spec.locale, p.value)),
      },
    };
  }
  const data =
    type === "category"
      ? xs.map((x) => valueAt(series, x))
      : series.points.map((p) => [type === "date" ? dayMs(String(p.x)) : Number(p.x), p.y]);
  return {
    type: "line",
    name: series.name,
    data,
    color,
    lineStyle: { color, width: 2.5, type: look.style },
    itemStyle: { color, borderColor: color },
    symbol: symbolOf[look.marker],
    symbolSize: 9,
    showSymbol: look.marker !== "none",
    showAllSymbol: true,
    connectNulls: false,
  };
}

function option(spec: ChartSpec) {
  const xs = chartXValues(spec);
  const type = spec.xAxis.type ?? "category";
  const legend = spec.series.length > 1;
  const axisStyle = {
    axisLine: { lineStyle: { color: axis } },
    axisTick: { lineStyle: { color: axis } },
    axisLabel: { color: text, fontFamily: font, fontSize: 13 },
    nameTextStyle: { color: text, fontFamily: font, fontSize: 13 },
  };
  return {
    animation: false,
    textStyle: { fontFamily: font, color: text },
    // The legend draws each series' own line style, symbol or pattern beside its name.
    legend: legend
      ? {
          show: true,
          top: 0,
          left: 0,
          itemWidth: 36,
          textStyle: { color: text, fontFamily: font, fontSize: 13 },
          // ECharts draws a circle in the legend for a line without symbols; hide it, so the legend matches the line.
          data: spec.series.map((series, index) =>
            spec.kind === "line" && seriesLook(series, index).marker === "none"
              ? { name: series.name, itemStyle: { opacity: 0 } }
              : { name: series.name },
          ),
        }
      : { show: false },
    grid: { left: 16, right: 24, top: legend ? 64 : 40, bottom: 48 },
    xAxis: {
      ...axisStyle,
      type: type === "date" ? "time" : type === "number" ? "value" : "category",
      ...(type === "category" ? { data: xs.map(String) } : {}),
      name: withUnit(spec.xAxis.label, spec.xAxis.unit),
      nameLocation: "middle",
      nameGap: 32,
      axisLabel: {
        ...axisStyle.axisLabel,
        ...(type === "date"
          ? { formatter: (ms: number) => shortDate(spec.locale, ms), hideOverlap: true }
          : type === "number"
            ? { formatter: (n: number) => formatNumber(spec.locale, n) }
            : {}),
      },
    },
    yAxis: {
      ...axisStyle,
      type: "value",
      name: withUnit(spec.yAxis.label, spec.yAxis.unit),
      nameLocation: "end",
      nameGap: 16,
      nameTextStyle: { ...axisStyle.nameTextStyle, align: "left" },
      axisLabel: { ...axisStyle.axisLabel, formatter: (n: number) => formatNumber(spec.locale, n) },
      splitLine: { lineStyle: { color: "#e0e3e5" } },
    },
    series: spec.series.map((series, index) => seriesOption(spec, series, index, xs)),
  };
}

/**
 * Draws the chart on the server as SVG (ECharts' SSR mode: no DOM, no canvas, no
 * animation) for the Chart component; call it in the loader, so ECharts stays out of
 * the browser bundle. The SVG carries its own <title> and <desc> for when it is used
 * on its own (exports); it is checked to hold nothing but drawing (svg-safety).
 */
export function renderChart(spec: ChartSpec): RenderedChart {
  const width = spec.width ?? 640;
  const height = spec.height ?? 320;
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height, locale: "EN" });
  let svg: string;
  try {
    chart.setOption(option(spec));
    svg = chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
  assertSafeSvg(svg);
  const labelled = svg.replace(
    /^<svg\b[^>]*>/,
    (open) => `${open}<title>${escapeXml(spec.title)}</title><desc>${escapeXml(spec.description)}</desc>`,
  );
  return { ...spec, width, height, svg: labelled };
}
