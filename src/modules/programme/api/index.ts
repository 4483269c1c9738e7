import type { ApiRouter } from "../../../http/openapi.ts";
import { registerMilestoneRoutes } from "./milestones.ts";
import { registerPhaseRoutes } from "./phases.ts";
import { registerTimelineRoutes } from "./timeline.ts";

/** The programme timeline under /api/groups/timeline: the whole timeline, its phases and its milestones. */
export function registerProgrammeApi(api: ApiRouter) {
  registerTimelineRoutes(api);
  registerPhaseRoutes(api);
  registerMilestoneRoutes(api);
}
