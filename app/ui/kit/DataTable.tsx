import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { useI18n } from "../i18n.ts";
import { nextSort, type SortDirection, sortHref, type TableSort } from "./table-query.ts";

export interface DataTableColumn<T> {
  /** The column's key: its sort parameter value (`?sort=<key>`), and React's key. */
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Gives the header a sort link; the loader must then sort by `readSort(...)`. */
  sortable?: boolean;
  /** The direction a first click sorts in (e.g. newest first for dates). */
  firstDirection?: SortDirection;
  /** "end" for numbers, so their digits line up. */
  align?: "start" | "end";
  /** The label shown before the value on a phone, where the header row is not shown; defaults to header. */
  phoneLabel?: string;
}

export interface DataTableProps<T> {
  /** What the table lists; every table has one (screen readers announce it). */
  caption: string;
  /** Hides the caption visually when a heading right above says the same. */
  captionHidden?: boolean;
  columns: DataTableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** The first column names the row (`<th scope="row">`): a person's name, a date. */
  rowHeader?: boolean;
  /** The current sort, from readSort(); gives that column's header aria-sort. */
  sort?: TableSort;
  /** The query string the sort links keep (filters); defaults to the current address's. */
  search?: string;
  /** Keyset pagination: links to the pages before and after this one (pageHref()). */
  previousPageHref?: string;
  nextPageHref?: string;
  /** Shown instead of the table when there are no rows. */
  emptyText: string;
  /** Extra classes for the table (e.g. "diff"), and per row. */
  className?: string;
  rowClassName?: (row: T) => string | undefined;
}

function SortLink({ column, sort, search }: { column: DataTableColumn<unknown>; sort?: TableSort; search: string }) {
  const { t } = useI18n();
  const current = sort?.key === column.key ? sort.direction : undefined;
  const target = nextSort(sort, column.key, column.firstDirection);
  const state =
    current === "asc" ? t("kit.table.sortedAscending") : current === "desc" ? t("kit.table.sortedDescending") : null;
  const action = target.direction === "asc" ? t("kit.table.sortAscending") : t("kit.table.sortDescending");
  return (
    <a className="data-table-sort" href={sortHref(search, target)}>
      {column.header}
      {/* The arrow shows the current order without relying on colour; the hidden text says it and what the link does. */}
      <span className="data-table-sort-arrow" aria-hidden="true">
        {current === "asc" ? " ▲" : current === "desc" ? " ▼" : " ↕"}
      </span>
      <span className="visually-hidden">
        {" "}
        ({state ? `${state}, ` : ""}
        {action})
      </span>
    </a>
  );
}

/**
 * A data table from one column definition: the header row, each cell's phone label
 * (`data-label`, shown as "Label: value" rows at phone widths), sort links with
 * aria-sort, and keyset pagination links. Plain links and a semantic table: it
 * works without JavaScript and reads well in a screen reader's table mode.
 */
export function DataTable<T>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  rowHeader,
  sort,
  search,
  previousPageHref,
  nextPageHref,
  emptyText,
  className,
  rowClassName,
}: DataTableProps<T>) {
  const { t } = useI18n();
  const location = useLocation();
  const query = search ?? location.search;
  const sortable = columns.some((c) => c.sortable);
  const alignClass = (column: DataTableColumn<T>) => (column.align === "end" ? "data-table-end" : undefined);
  const pagination = (previousPageHref || nextPageHref) && (
    <nav className="data-table-pages" aria-label={t("kit.table.pages", { caption })}>
      {previousPageHref && (
        <a href={previousPageHref} rel="prev">
          <span aria-hidden="true">← </span>
          {t("kit.table.previousPage")}
        </a>
      )}
      {nextPageHref && (
        <a href={nextPageHref} rel="next">
          {t("kit.table.nextPage")}
          <span aria-hidden="true"> →</span>
        </a>
      )}
    </nav>
  );
  if (rows.length === 0) {
    return (
      <>
        <p className="data-table-empty">{emptyText}</p>
        {pagination}
      </>
    );
  }
  const tableClass = ["data", "stack-on-phone", "data-table", sortable ? "data-table-sortable" : null, className]
    .filter(Boolean)
    .join(" ");
  return (
    <>
      <div className="table-wrap">
        <table className={tableClass}>
          <caption className={captionHidden ? "visually-hidden" : undefined}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={
                    [alignClass(column), column.sortable ? "data-table-sortable-header" : null]
                      .filter(Boolean)
                      .join(" ") || undefined
                  }
                  aria-sort={
                    sort?.key === column.key && column.sortable
                      ? sort.direction === "asc"
                        ? "ascending"
                        : "descending"
                      : undefined
                  }
                >
                  {column.sortable ? (
                    <SortLink column={column as DataTableColumn<unknown>} sort={sort} search={query} />
                  ) : (
                    column.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)} className={rowClassName?.(row)}>
                {columns.map((column, index) => {
                  const label = column.phoneLabel ?? column.header;
                  return rowHeader && index === 0 ? (
                    <th key={column.key} scope="row" data-label={label} className={alignClass(column)}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.key} data-label={label} className={alignClass(column)}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pagination}
    </>
  );
}
