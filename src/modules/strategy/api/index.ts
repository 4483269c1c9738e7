import type { ApiRouter } from "../../../http/openapi.ts";
import { registerConsultationRoutes } from "./consultation.ts";
import { registerEnvironmentRoutes } from "./environment.ts";
import { registerGoalRoutes } from "./goals.ts";
import { registerImportRoutes } from "./imports.ts";
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
  registerConsultationRoutes(api);
  registerEnvironmentRoutes(api);
  registerImportRoutes(api);
}
