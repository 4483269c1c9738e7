import { useId } from "react";
import { formatDate, formatNumber } from "../../../src/i18n/format.ts";
import { useI18n } from "../i18n.ts";
import { chartXValues, type RenderedChart, valueAt, withUnit } from "./chart-types.ts";
import { DataTable, type DataTableColumn } from "./DataTable.tsx";

interface ChartProps extends RenderedChart {
  /** The title's heading level in the page's outline. */
  headingLevel?: 2 | 3 | 4;
}

function attribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

/**
 * A chart drawn on the server (`renderChart()` in the loader gives these props), so it
 * shows without JavaScript and prints. The image is named by the visible title and
 * described by the visible description, and the same numbers follow it as a table,
 * always shown, so nobody needs to read them off the picture.
 */
export function Chart({ headingLevel = 3, ...chart }: ChartProps) {
  const { t } = useI18n();
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const Heading = `h${headingLevel}` as const;
  const xType = chart.xAxis.type ?? "category";
  const formatX = (x: string | number) =>
    xType === "date" ? formatDate(chart.locale, String(x)) : typeof x === "number" ? formatNumber(chart.locale, x) : x;
  // The SVG is ECharts' output from renderChart (checked there); only our own ids are added to it here.
  const svg = chart.svg.replace(
    /^<svg\b/,
    `<svg role="img" aria-labelledby="${attribute(titleId)}" aria-describedby="${attribute(descriptionId)}" focusable="false"`,
  );
  const columns: DataTableColumn<string | number>[] = [
    { key: "x", header: withUnit(chart.xAxis.label, chart.xAxis.unit), cell: formatX },
    ...chart.series.map((series, index) => ({
      key: `series-${index}`,
      header: withUnit(series.name, chart.yAxis.unit),
      align: "end" as const,
      cell: (x: string | number) => {
        const y = valueAt(series, x);
        return y === null ? (
          <>
            <span aria-hidden="true">–</span>
            <span className="visually-hidden">{t("kit.chart.noValue")}</span>
          </>
        ) : (
          formatNumber(chart.locale, y)
        );
      },
    })),
  ];
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <Heading id={titleId} className="chart-title">
        {chart.title}
      </Heading>
      <p id={descriptionId} className="chart-description">
        {chart.description}
      </p>
      <div
        className="chart-image"
        style={{ maxWidth: `${chart.width ?? 640}px` }}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: ECharts' SVG of our data, text escaped and checked by svg-safety
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <DataTable
        caption={chart.title}
        columns={columns}
        rows={chartXValues(chart)}
        rowKey={String}
        rowHeader
        emptyText={t("kit.chart.noData")}
        className="chart-table"
      />
    </figure>
  );
}
