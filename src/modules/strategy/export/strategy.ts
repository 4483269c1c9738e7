import { HeadingLevel, ImageRun, Packer, Paragraph, type Table, TextRun } from "docx";
import { renderChart } from "../../../../app/ui/kit/chart.server.ts";
import type { ChartSpec } from "../../../../app/ui/kit/chart-types.ts";
import { formatPlainDate } from "../../../core/dates.ts";
import type { Locale } from "../../../i18n/locale.ts";
import { translate } from "../../../i18n/translate.ts";
import { blockParagraph, metaTable, wordDocument } from "../../deliverables/export/docx.ts";
import { parseRichText } from "../../deliverables/export/html.ts";
import { loadSharp } from "../../files/images.ts";
import type { ExportColumn, ExportTable } from "../../walls/outputs/table.ts";
import { toXlsx } from "../../walls/outputs/xlsx.ts";
import { renderPostBody } from "../../walls/render.ts";
import { goalCategories } from "../constants.ts";
import { canonicalDecimal } from "../decimal.ts";
import type { GoalView, IndicatorView, StrategyDetail } from "../service.ts";

type T = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => string;

/** A decimal string as the language writes it ("12,5" in Finnish and Swedish); exact, never through a float's text. */
export function localDecimal(locale: Locale, value: string): string {
  const canonical = canonicalDecimal(value);
  return locale === "en" ? canonical : canonical.replace(".", ",").replace(/^-/, "−");
}

/** A number cell for a spreadsheet (an exact decimal of at most 15 significant digits is a double exactly enough). */
const numberCell = (value: string) => Number(canonicalDecimal(value));

const responsibleName = (g: GoalView) => g.responsible?.name ?? "";

const goalColumns = [
  { key: "category", header: "strategy.export.column.category", width: 34 },
  { key: "title", header: "strategy.export.column.goal", width: 40, typed: true },
  { key: "description", header: "strategy.export.column.description", width: 60, typed: true, wrap: true },
  { key: "responsible", header: "strategy.export.column.responsible", width: 28, typed: true },
  { key: "indicators", header: "strategy.export.column.indicators", width: 14 },
  { key: "id", header: "strategy.export.column.id", width: 38 },
] as const satisfies readonly ExportColumn[];

const indicatorColumns = [
  { key: "goal", header: "strategy.export.column.goal", width: 34, typed: true },
  { key: "name", header: "strategy.export.column.indicator", width: 34, typed: true },
  { key: "unit", header: "strategy.export.column.unit", width: 10, typed: true },
  { key: "direction", header: "strategy.export.column.direction", width: 22 },
  { key: "baselineValue", header: "strategy.export.column.baselineValue", width: 14 },
  { key: "baselineDate", header: "strategy.export.column.baselineDate", width: 14 },
  { key: "targetValue", header: "strategy.export.column.targetValue", width: 14 },
  { key: "targetDate", header: "strategy.export.column.targetDate", width: 14 },
  { key: "status", header: "strategy.export.column.status", width: 18 },
  { key: "latestValue", header: "strategy.export.column.latestValue", width: 14 },
  { key: "latestDate", header: "strategy.export.column.latestDate", width: 14 },
  { key: "dataSource", header: "strategy.export.column.dataSource", width: 30, typed: true },
  { key: "id", header: "strategy.export.column.id", width: 38 },
] as const satisfies readonly ExportColumn[];

/** The measurements sheet's first four columns are the import's (indicator id, date, value, source): it reads back. */
const measurementColumns = [
  { key: "indicator", header: "strategy.export.column.indicatorId", width: 38 },
  { key: "date", header: "strategy.export.column.date", width: 14 },
  { key: "value", header: "strategy.export.column.value", width: 14 },
  { key: "source", header: "strategy.export.column.source", width: 30, typed: true },
  { key: "note", header: "strategy.export.column.note", width: 40, typed: true, wrap: true },
  { key: "indicatorName", header: "strategy.export.column.indicator", width: 34, typed: true },
] as const satisfies readonly ExportColumn[];

const byCategory = (goals: GoalView[]) =>
  [...goals].sort((a, b) => goalCategories.indexOf(a.goal.category) - goalCategories.indexOf(b.goal.category));

/** The three sheets: goals, indicators (with their status) and every measurement. */
export function strategyTables(detail: StrategyDetail, locale: Locale): ExportTable[] {
  const t: T = (key, params) => translate(locale, key, params);
  const goals = byCategory(detail.goals);
  return [
    {
      name: t("strategy.export.sheet.goals"),
      columns: goalColumns,
      rows: goals.map((g) => ({
        category: t(`strategy.category.${g.goal.category}`),
        title: g.goal.title,
        description: g.goal.description,
        responsible: responsibleName(g),
        indicators: g.indicators.length,
        id: g.goal.id,
      })),
    },
    {
      name: t("strategy.export.sheet.indicators"),
      columns: indicatorColumns,
      rows: goals.flatMap((g) =>
        g.indicators.map(({ indicator: i, status }) => ({
          goal: g.goal.title,
          name: i.name,
          unit: i.unit,
          direction: t(`strategy.direction.${i.direction}`),
          baselineValue: numberCell(i.baselineValue),
          baselineDate: i.baselineDate,
          targetValue: numberCell(i.targetValue),
          targetDate: i.targetDate,
          status: t(`strategy.indicatorStatus.${status.status}`),
          latestValue: status.latest ? numberCell(status.latest.value) : "",
          latestDate: status.latest?.date ?? "",
          dataSource: i.dataSource,
          id: i.id,
        })),
      ),
    },
    {
      name: t("strategy.export.sheet.measurements"),
      columns: measurementColumns,
      rows: goals.flatMap((g) =>
        g.indicators.flatMap(({ indicator: i, measurements }) =>
          measurements.map((m) => ({
            indicator: i.id,
            date: m.date,
            value: numberCell(m.value),
            source: m.source,
            note: m.note,
            indicatorName: i.name,
          })),
        ),
      ),
    },
  ];
}

export const strategyXlsx = (detail: StrategyDetail, locale: Locale): Promise<Buffer> =>
  toXlsx(strategyTables(detail, locale), locale, detail.strategy.name);

/** An indicator's chart: its measured series against the target path (the UI kit's chart, as on the page). */
export function indicatorChartSpec(view: IndicatorView, locale: Locale): ChartSpec {
  const t: T = (key, params) => translate(locale, key, params);
  const i = view.indicator;
  return {
    kind: "line",
    title: t("strategy.chart.title", { name: i.name }),
    description: t("strategy.export.chartDescription", {
      count: view.measurements.length,
      baseline: localDecimal(locale, i.baselineValue),
      target: localDecimal(locale, i.targetValue),
      date: formatPlainDate(locale, i.targetDate),
    }),
    locale,
    xAxis: { label: t("strategy.export.column.date"), type: "date" },
    yAxis: { label: i.name, ...(i.unit ? { unit: i.unit } : {}) },
    series: [
      {
        name: t("strategy.export.series.measured"),
        style: "solid",
        marker: "circle",
        points: view.measurements.map((m) => ({ x: m.date, y: Number(m.value) })),
      },
      {
        name: t("strategy.export.series.path"),
        style: "dashed",
        marker: "none",
        points: view.path.map((p) => ({ x: p.date, y: Number(p.value) })),
      },
    ],
  };
}

/** The chart as a PNG (sharp rasterises the kit's SVG at twice its size, for print). */
export async function chartPng(spec: ChartSpec): Promise<{ png: Buffer; width: number; height: number }> {
  const chart = renderChart(spec);
  const width = chart.width ?? 640;
  const height = chart.height ?? 320;
  const png = await (await loadSharp())(Buffer.from(chart.svg), { density: 144 }).png().toBuffer();
  return { png, width, height };
}

const small = (text: string, options: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text, size: 20, ...options });

/** The whole strategy as a Word document: the vision, then per category each goal with its indicators' tables and charts. */
export async function strategyDocx(detail: StrategyDetail, locale: Locale): Promise<Buffer> {
  const t: T = (key, params) => translate(locale, key, params);
  const s = detail.strategy;
  const status = t(`strategy.strategyStatus.${s.status}`);
  const body: (Paragraph | Table)[] = [
    new Paragraph({ text: s.name, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: t("strategy.page.period", { start: s.startYear, end: s.endYear }), style: "Subtitle" }),
    metaTable([
      { label: t("strategy.export.column.period"), value: `${s.startYear}–${s.endYear}` },
      { label: t("strategy.export.column.status"), value: status },
      { label: t("strategy.export.column.goals"), value: String(detail.goals.length) },
    ]),
    new Paragraph({}),
  ];
  if (s.vision.trim()) {
    body.push(new Paragraph({ text: t("strategy.page.vision"), heading: HeadingLevel.HEADING_1 }));
    for (const block of parseRichText(renderPostBody(s.vision))) body.push(blockParagraph(block));
  }
  const goals = byCategory(detail.goals);
  for (const category of goalCategories) {
    const inCategory = goals.filter((g) => g.goal.category === category);
    if (inCategory.length === 0) continue;
    body.push(new Paragraph({ text: t(`strategy.category.${category}`), heading: HeadingLevel.HEADING_1 }));
    for (const g of inCategory) {
      body.push(new Paragraph({ text: g.goal.title, heading: HeadingLevel.HEADING_2 }));
      if (g.goal.description.trim())
        for (const block of parseRichText(renderPostBody(g.goal.description))) body.push(blockParagraph(block));
      if (g.responsible)
        body.push(new Paragraph({ children: [small(t("strategy.goal.responsible", { name: g.responsible.name }))] }));
      if (g.indicators.length === 0)
        body.push(new Paragraph({ children: [small(t("strategy.goal.noIndicators"), { italics: true })] }));
      for (const view of g.indicators) await indicatorPart(body, view, locale, t);
    }
  }
  const doc = wordDocument({ title: s.name, subtitle: status, locale }, body);
  return Packer.toBuffer(doc);
}

async function indicatorPart(body: (Paragraph | Table)[], view: IndicatorView, locale: Locale, t: T) {
  const i = view.indicator;
  const unit = i.unit ? ` ${i.unit}` : "";
  const value = (v: string) => `${localDecimal(locale, v)}${unit}`;
  body.push(new Paragraph({ text: i.name, heading: HeadingLevel.HEADING_3 }));
  body.push(
    metaTable([
      { label: t("strategy.export.column.status"), value: t(`strategy.indicatorStatus.${view.status.status}`) },
      {
        label: t("strategy.export.column.baselineValue"),
        value: `${value(i.baselineValue)} (${formatPlainDate(locale, i.baselineDate)})`,
      },
      {
        label: t("strategy.export.column.targetValue"),
        value: `${value(i.targetValue)} (${formatPlainDate(locale, i.targetDate)})`,
      },
      ...(view.status.latest
        ? [
            {
              label: t("strategy.export.column.latestValue"),
              value: `${value(view.status.latest.value)} (${formatPlainDate(locale, view.status.latest.date)})`,
            },
          ]
        : []),
      { label: t("strategy.export.column.direction"), value: t(`strategy.direction.${i.direction}`) },
      ...(i.dataSource ? [{ label: t("strategy.export.column.dataSource"), value: i.dataSource }] : []),
    ]),
  );
  const spec = indicatorChartSpec(view, locale);
  const chart = await chartPng(spec);
  // 6 inches wide at the chart's proportions (docx takes pixels at 96 per inch).
  const width = 576;
  const height = Math.round((width * chart.height) / chart.width);
  body.push(
    new Paragraph({
      children: [
        new ImageRun({
          type: "png",
          data: chart.png,
          transformation: { width, height },
          altText: { name: spec.title, title: spec.title, description: spec.description },
        }),
      ],
    }),
  );
  if (view.measurements.length > 0)
    body.push(
      metaTable(
        view.measurements.map((m) => ({
          label: formatPlainDate(locale, m.date),
          value: [value(m.value), m.source].filter(Boolean).join(" · "),
        })),
      ),
    );
  else body.push(new Paragraph({ children: [small(t("strategy.indicatorStatus.no_data"), { italics: true })] }));
  body.push(new Paragraph({}));
}
