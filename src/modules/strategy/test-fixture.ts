import type { TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import type { StrategyStatus } from "./constants.ts";
import type { IndicatorInput } from "./inputs.ts";

/** An indicator rising from 60 % (end of 2020) to 70 % (end of 2025), 66 expected at the end of 2022. */
export const employmentRate = {
  name: "Työllisyysaste",
  unit: "%",
  direction: "higher_better",
  baselineValue: "60",
  baselineDate: "2020-12-31",
  targetValue: "70",
  targetDate: "2025-12-31",
  intermediateTargets: { "2022": "66" },
  dataSource: "Tilastokeskus",
} satisfies IndicatorInput;

/** A strategy 2021–2025 of this status, a goal (its responsible group, if any) and the indicator above. */
export async function strategyWithIndicator(
  app: TestApp,
  staff: Caller,
  options: { status?: StrategyStatus; groupId?: string } = {},
) {
  const strategies = app.platform.services.strategies;
  const strategy = await strategies.create(staff, {
    name: "Pohjois-Karjalan maakuntastrategia",
    startYear: 2021,
    endYear: 2025,
    status: options.status ?? "adopted",
    vision: "**Elinvoimainen** maakunta",
  });
  const goal = await strategies.createGoal(staff, strategy.id, {
    category: "regional_development",
    title: "Työllisyys kasvaa",
    responsibleGroupId: options.groupId ?? null,
  });
  const indicator = await strategies.createIndicator(staff, goal.id, employmentRate);
  return { strategy, goal, indicator: indicator.indicator };
}
