import type { ApiRouter } from "../../../http/openapi.ts";
import { registerCommentRoutes } from "./comments.ts";
import { registerCoordinationRoutes } from "./coordination.ts";
import { registerDeadlineRoutes } from "./deadlines.ts";
import { registerDeliverableRoutes } from "./deliverables.ts";
import { registerSectionRoutes } from "./sections.ts";
import { registerStatusRoutes } from "./status.ts";
import { registerVersionRoutes } from "./versions.ts";

/** Deliverables under /api/groups/{deliverables,sections,deadlines,coordination}: one file per resource. */
export function registerDeliverablesApi(api: ApiRouter) {
  registerCoordinationRoutes(api);
  registerDeliverableRoutes(api);
  registerStatusRoutes(api);
  registerDeadlineRoutes(api);
  registerSectionRoutes(api);
  registerVersionRoutes(api);
  registerCommentRoutes(api);
}
