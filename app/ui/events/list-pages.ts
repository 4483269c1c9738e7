/** The /events page's two lists page separately: each list has its own cursor parameter. */
export const eventListParams = { upcoming: "upcoming", past: "past" } as const;

/** The link to a page of one list (no cursor: its first page), keeping the other list's page. */
export function eventListHref(search: string, list: keyof typeof eventListParams, cursor?: string): string {
  const params = new URLSearchParams(search);
  if (cursor) params.set(eventListParams[list], cursor);
  else params.delete(eventListParams[list]);
  const query = params.toString();
  return query ? `?${query}` : "?";
}
