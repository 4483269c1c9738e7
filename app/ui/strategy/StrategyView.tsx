import type { z } from "zod";
import type { PresentedIndicator } from "../../../src/modules/strategy/chart-data.ts";
import {
  behindThresholdPercent,
  type IndicatorStatus,
  indicatorStatuses,
} from "../../../src/modules/strategy/constants.ts";
import type { overviewSchema } from "../../../src/modules/strategy/presenters.ts";
import { useI18n } from "../i18n.ts";
import { Chart } from "../kit/Chart.tsx";
import type { RenderedChart } from "../kit/chart-types.ts";
import { DataTable, type DataTableColumn } from "../kit/DataTable.tsx";
import { Heading } from "../kit/Heading.tsx";
import { decimalText, statusSymbol } from "./labels.ts";

/** An indicator's status in words, with a symbol beside them (never colour alone). */
export function StatusBadge({ status }: { status: IndicatorStatus }) {
  const { t } = useI18n();
  return (
    <span className={`strategy-status strategy-status-${status}`}>
      <span className="strategy-status-symbol" aria-hidden="true">
        {statusSymbol[status]}
      </span>{" "}
      {t(`strategy.indicatorStatus.${status}`)}
    </span>
  );
}

/** One indicator: its status in words, baseline and target, then its chart followed by the chart's numbers. */
export function IndicatorSection({
  indicator,
  chart,
  level = 4,
}: {
  indicator: PresentedIndicator;
  chart: RenderedChart;
  /** The indicator name's heading level; the chart's title is one below it (at most 4). */
  level?: 3 | 4;
}) {
  const { t, locale, date } = useI18n();
  const value = (v: string) => `${decimalText(locale, v)}${indicator.unit ? ` ${indicator.unit}` : ""}`;
  const { status } = indicator;
  return (
    <article className="strategy-indicator" aria-labelledby={`indicator-${indicator.id}`}>
      <Heading level={level} id={`indicator-${indicator.id}`} className="strategy-indicator-name">
        {indicator.name}
      </Heading>
      <p className="strategy-indicator-status">
        {t("strategy.list.status")}: <StatusBadge status={status.status} />
      </p>
      <ul className="strategy-facts">
        {status.latest && (
          <li>
            {t("strategy.indicator.latestLine", {
              value: value(status.latest.value),
              date: date(status.latest.date),
              expected: status.expected === null ? "–" : value(status.expected),
            })}
          </li>
        )}
        {status.progressPercent !== null && (
          <li>{t("strategy.indicator.progressLine", { percent: decimalText(locale, status.progressPercent) })}</li>
        )}
        <li>
          {t("strategy.indicator.baselineLine", {
            value: value(indicator.baseline.value),
            date: date(indicator.baseline.date),
          })}
          {" · "}
          {t("strategy.indicator.targetLine", {
            value: value(indicator.target.value),
            date: date(indicator.target.date),
          })}
          {" · "}
          {t(`strategy.direction.${indicator.direction}`)}
        </li>
        {indicator.dataSource && <li>{t("strategy.indicator.sourceLine", { source: indicator.dataSource })}</li>}
      </ul>
      <Chart {...chart} headingLevel={4} />
    </article>
  );
}

type Overview = z.infer<typeof overviewSchema>;

/** The count of indicators per status in each of the six categories, as a table. */
export function OverviewTable({ overview }: { overview: Overview }) {
  const { t } = useI18n();
  const columns: DataTableColumn<Overview[number]>[] = [
    {
      key: "category",
      header: t("strategy.overview.category"),
      cell: (c) => <a href={`#category-${c.category}`}>{t(`strategy.category.${c.category}`)}</a>,
    },
    { key: "goals", header: t("strategy.overview.goals"), align: "end", cell: (c) => c.goals },
    { key: "indicators", header: t("strategy.overview.indicators"), align: "end", cell: (c) => c.indicators },
    ...indicatorStatuses.map(
      (status): DataTableColumn<Overview[number]> => ({
        key: status,
        header: t(`strategy.indicatorStatus.${status}`),
        align: "end",
        cell: (c) => c.counts[status],
      }),
    ),
  ];
  return (
    <DataTable
      caption={t("strategy.overview.caption")}
      columns={columns}
      rows={overview}
      rowKey={(c) => c.category}
      rowHeader
      emptyText=""
      className="strategy-overview"
    />
  );
}

/** How the status is worked out (status.ts is this rule), printed once on the page. */
export function StatusRule() {
  const { t } = useI18n();
  const percent = behindThresholdPercent;
  return (
    <section aria-labelledby="status-rule" className="strategy-rule">
      <Heading level={2} id="status-rule">
        {t("strategy.statusRule.title")}
      </Heading>
      <p>{t("strategy.statusRule.path")}</p>
      <p>{t("strategy.statusRule.compare")}</p>
      <ul>
        {indicatorStatuses.map((status) => (
          <li key={status}>
            <span aria-hidden="true">{statusSymbol[status]} </span>
            {t(`strategy.statusRule.${status}`, { percent })}
          </li>
        ))}
      </ul>
    </section>
  );
}
