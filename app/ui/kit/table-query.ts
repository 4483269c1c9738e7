/**
 * The query string of a sortable, paged table. Sorting is `?sort=<column>&dir=asc|desc`,
 * keyset pagination is `?cursor=<opaque>`; both are plain links, so they work without
 * JavaScript, and the other parameters (filters) are kept.
 */
export type SortDirection = "asc" | "desc";

export interface TableSort<Key extends string = string> {
  key: Key;
  direction: SortDirection;
}

export const tableParams = { sort: "sort", direction: "dir", cursor: "cursor" } as const;

function paramsOf(search: string | URLSearchParams): URLSearchParams {
  return new URLSearchParams(search);
}

function hrefOf(params: URLSearchParams): string {
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/**
 * The sort the address asks for, if it names one of the table's sortable columns;
 * anything else (an unknown column, a bad direction) falls back, never an error.
 */
export function readSort<Key extends string>(
  search: string | URLSearchParams,
  keys: readonly Key[],
  fallback: TableSort<Key>,
): TableSort<Key> {
  const params = paramsOf(search);
  const key = params.get(tableParams.sort);
  const direction = params.get(tableParams.direction);
  if (!key || !(keys as readonly string[]).includes(key)) return fallback;
  return { key: key as Key, direction: direction === "desc" ? "desc" : "asc" };
}

/** The cursor of the page asked for, if any. */
export function readCursor(search: string | URLSearchParams): string | undefined {
  return paramsOf(search).get(tableParams.cursor) || undefined;
}

/** The link that sorts by a column: keeps the filters, goes back to the first page. */
export function sortHref(search: string | URLSearchParams, sort: TableSort): string {
  const params = paramsOf(search);
  params.delete(tableParams.cursor);
  params.set(tableParams.sort, sort.key);
  params.set(tableParams.direction, sort.direction);
  return hrefOf(params);
}

/** The link to another page of the same listing (same filters and sort); no cursor is the first page. */
export function pageHref(search: string | URLSearchParams, cursor: string | undefined): string {
  const params = paramsOf(search);
  if (cursor) params.set(tableParams.cursor, cursor);
  else params.delete(tableParams.cursor);
  return hrefOf(params);
}

/** Where a column's sort link goes: the other direction if it is the current sort, else its first direction. */
export function nextSort(current: TableSort | undefined, key: string, first: SortDirection = "asc"): TableSort {
  if (current?.key === key) return { key, direction: current.direction === "asc" ? "desc" : "asc" };
  return { key, direction: first };
}
