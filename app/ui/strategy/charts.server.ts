import type { Locale } from "../../../src/i18n/locale.ts";
import { translate } from "../../../src/i18n/translate.ts";
import { indicatorChartSeries, type PresentedIndicator } from "../../../src/modules/strategy/chart-data.ts";
import { renderChart } from "../kit/chart.server.ts";
import type { RenderedChart } from "../kit/chart-types.ts";
import { decimalText } from "./labels.ts";

/** An indicator's chart, drawn on the server: the measured series against the target path, named and described. */
export function indicatorChart(indicator: PresentedIndicator, locale: Locale): RenderedChart {
  const value = (v: string) => `${decimalText(locale, v)}${indicator.unit ? ` ${indicator.unit}` : ""}`;
  return renderChart({
    kind: "line",
    title: translate(locale, "strategy.chart.title", { name: indicator.name }),
    description: translate(locale, "strategy.chart.description", {
      count: indicator.measurements.length,
      baseline: value(indicator.baseline.value),
      target: value(indicator.target.value),
      status: translate(locale, `strategy.indicatorStatus.${indicator.status.status}`),
    }),
    series: indicatorChartSeries(indicator, {
      measured: translate(locale, "strategy.chart.measured"),
      expected: translate(locale, "strategy.chart.expected"),
      target: translate(locale, "strategy.chart.target"),
    }),
    xAxis: { label: translate(locale, "strategy.chart.date"), type: "date" },
    yAxis: { label: indicator.name, unit: indicator.unit || undefined },
    locale,
    width: 560,
    height: 300,
  });
}

/** Every indicator's chart of a strategy, by the indicator's id. */
export function indicatorCharts(
  goals: readonly { indicators: readonly PresentedIndicator[] }[],
  locale: Locale,
): Record<string, RenderedChart> {
  return Object.fromEntries(goals.flatMap((g) => g.indicators).map((i) => [i.id, indicatorChart(i, locale)]));
}
