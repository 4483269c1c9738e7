// Plain values shared by the schema, the services and the browser bundle (no database imports here).

/** A strategy's life: prepared as a draft, opened for comments, adopted by the council, archived after its period. */
export const strategyStatuses = ["draft", "consultation", "adopted", "archived"] as const;
export type StrategyStatus = (typeof strategyStatuses)[number];

/** The statuses everyone may read (earlier periods stay readable); a draft is for staff only. */
export const publishedStatuses = ["consultation", "adopted", "archived"] as const satisfies readonly StrategyStatus[];
export const isPublished = (status: StrategyStatus): boolean =>
  (publishedStatuses as readonly StrategyStatus[]).includes(status);

/**
 * The six parts of a regional strategy in the regional act's strategy section, in the act's order:
 * residents' well-being; organising and producing services; regional development, land use, living environment
 * and business; ownership policy; personnel policy; residents' participation and influence.
 */
export const goalCategories = [
  "wellbeing",
  "services",
  "regional_development",
  "ownership",
  "personnel",
  "participation",
] as const;
export type GoalCategory = (typeof goalCategories)[number];

/** Whether a bigger measured value is an improvement (e.g. employment rate) or a smaller one (waiting times). */
export const indicatorDirections = ["higher_better", "lower_better"] as const;
export type IndicatorDirection = (typeof indicatorDirections)[number];

/** An indicator's status, computed from its latest measurement (status.ts; the rule: strategy.status.rule). */
export const indicatorStatuses = ["on_track", "behind", "off_track", "no_data"] as const;
export type IndicatorStatus = (typeof indicatorStatuses)[number];

/**
 * "Behind" rather than "off track" while the change from the baseline is at least this share of the change the
 * target path expects by the measurement's date (75 %: a numerator and a denominator, so the rule stays exact).
 */
export const behindThreshold = { numerator: 3n, denominator: 4n } as const;
export const behindThresholdPercent = 75;
