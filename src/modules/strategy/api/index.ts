import type { ApiRouter } from "../../../http/openapi.ts";
import { registerGoalRoutes } from "./goals.ts";
import { registerIndicatorRoutes } from "./indicators.ts";
import { registerMeasurementRoutes } from "./measurements.ts";
import { registerStrategyRoutes } from "./strategies.ts";

/**
 * The regional strategy under /api/strategies: strategies, goals (/strategies/goals/{id}), indicators
 * (/strategies/indicators/{id}) and measurements (/strategies/measurements/{id}). The fixed paths are registered
 * before /strategies/{id}.
 */
export function registerStrategyApi(api: ApiRouter) {
  registerGoalRoutes(api);
  registerIndicatorRoutes(api);
  registerMeasurementRoutes(api);
  registerStrategyRoutes(api);
}
