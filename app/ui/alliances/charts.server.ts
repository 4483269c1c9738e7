import type { z } from "zod";
import type { Locale } from "../../../src/i18n/locale.ts";
import { translate } from "../../../src/i18n/translate.ts";
import type { allianceChartsSchema } from "../../../src/modules/alliances/presenters.ts";
import { renderChart } from "../kit/chart.server.ts";
import type { RenderedChart } from "../kit/chart-types.ts";

type PresentedCharts = z.infer<typeof allianceChartsSchema>;
type Amount = { cents: number; currency: string };

/** Euros (or the alliance's currency) for drawing only; the exact amounts are the presenter's cents. */
const units = (a: Amount | null) => (a === null ? null : a.cents / 100);
const unitOf = (currency: string) => (currency === "EUR" ? "€" : currency);

/** The alliance page's charts, drawn on the server: budget against actual per year, the cumulative cost, KRAs. */
export function allianceCharts(data: PresentedCharts, currency: string, locale: Locale): RenderedChart[] {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(locale, key, params);
  const unit = unitOf(currency);
  const name = (id: string) => data.parties.find((p) => p.id === id)?.name ?? id;
  const charts: RenderedChart[] = [];
  for (const year of [...new Set(data.books.map((r) => r.year))].sort()) {
    const rows = data.books.filter((r) => r.year === year);
    charts.push(
      renderChart({
        kind: "bar",
        title: t("alliances.chart.books.title", { year }),
        description: t("alliances.chart.books.description", { year }),
        series: [
          {
            name: t("alliances.chart.budget"),
            style: "solid",
            points: rows.map((r) => ({ x: name(r.partyId), y: units(r.budget) })),
          },
          {
            name: t("alliances.chart.actual"),
            style: "dashed",
            points: rows.map((r) => ({ x: name(r.partyId), y: units(r.actual) })),
          },
        ],
        xAxis: { label: t("alliances.chart.party") },
        yAxis: { label: t("alliances.chart.amount"), unit },
        locale,
        width: 640,
        height: 340,
      }),
    );
  }
  if (data.cumulative.length > 0) {
    const line = (pick: (m: PresentedCharts["cumulative"][number]) => Amount | null) =>
      data.cumulative.filter((m) => pick(m) !== null).map((m) => ({ x: m.month, y: units(pick(m)) }));
    const series = [
      {
        name: t("alliances.chart.cumulativeActual"),
        style: "solid" as const,
        marker: "circle" as const,
        points: line((m) => m.actual),
      },
      {
        name: t("alliances.chart.target"),
        style: "dashed" as const,
        marker: "none" as const,
        points: line((m) => m.target),
      },
      {
        name: t("alliances.chart.floor"),
        style: "dotted" as const,
        marker: "triangle" as const,
        points: line((m) => m.floor),
      },
      {
        name: t("alliances.chart.ceiling"),
        style: "dotted" as const,
        marker: "square" as const,
        points: line((m) => m.ceiling),
      },
    ].filter((s) => s.points.length > 0);
    charts.push(
      renderChart({
        kind: "line",
        title: t("alliances.chart.cumulative.title"),
        description: t("alliances.chart.cumulative.description"),
        series,
        xAxis: { label: t("alliances.chart.month") },
        yAxis: { label: t("alliances.chart.amount"), unit },
        locale,
        width: 640,
        height: 340,
      }),
    );
  }
  const kra = data.kra;
  if (kra.years.length > 0 && kra.kind === "pool") {
    const areas = [...new Set(kra.years.flatMap((y) => y.areas.map((a) => a.name)))];
    charts.push(
      renderChart({
        kind: "bar",
        title: t("alliances.chart.kra.title"),
        description: t("alliances.chart.kra.poolDescription"),
        series: [
          {
            name: t("alliances.chart.kra.score"),
            style: "solid",
            points: kra.years.map((y) => ({ x: String(y.year), y: y.score === null ? null : Number(y.score) })),
          },
          ...areas.map((area, i) => ({
            name: area,
            style: i % 2 === 0 ? ("dashed" as const) : ("dotted" as const),
            points: kra.years.map((y) => {
              const score = y.areas.find((a) => a.name === area)?.score;
              return { x: String(y.year), y: score === undefined ? null : Number(score) };
            }),
          })),
        ],
        xAxis: { label: t("alliances.chart.year") },
        yAxis: { label: t("alliances.chart.kra.points") },
        locale,
      }),
    );
  }
  if (kra.years.length > 0 && kra.kind === "perPoint") {
    const points = (pick: (y: PresentedCharts["kra"]["years"][number]) => string | null) =>
      kra.years.map((y) => ({ x: String(y.year), y: pick(y) === null ? null : Number(pick(y)) }));
    charts.push(
      renderChart({
        kind: "bar",
        title: t("alliances.chart.kra.title"),
        description: t("alliances.chart.kra.pointsDescription"),
        series: [
          { name: t("alliances.chart.kra.promised"), style: "solid", points: points((y) => y.promised) },
          { name: t("alliances.chart.kra.achieved"), style: "dashed", points: points((y) => y.achieved) },
        ],
        xAxis: { label: t("alliances.chart.year") },
        yAxis: { label: t("alliances.chart.kra.points") },
        locale,
      }),
    );
  }
  return charts;
}
