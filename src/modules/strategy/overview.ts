import { type GoalCategory, goalCategories, type IndicatorStatus, indicatorStatuses } from "./constants.ts";

/** One category of a strategy: its goals and how many of its indicators are in each status. */
export interface CategoryOverview {
  category: GoalCategory;
  goals: number;
  indicators: number;
  counts: Record<IndicatorStatus, number>;
}

/** The overview of a strategy: every one of the six categories in the act's order, also those without goals. */
export function overviewOf(goals: readonly { category: GoalCategory; statuses: readonly IndicatorStatus[] }[]) {
  return goalCategories.map((category): CategoryOverview => {
    const mine = goals.filter((g) => g.category === category);
    const statuses = mine.flatMap((g) => g.statuses);
    return {
      category,
      goals: mine.length,
      indicators: statuses.length,
      counts: Object.fromEntries(
        indicatorStatuses.map((status) => [status, statuses.filter((s) => s === status).length]),
      ) as Record<IndicatorStatus, number>,
    };
  });
}
