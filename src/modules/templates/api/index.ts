import type { ApiRouter } from "../../../http/openapi.ts";
import { registerTemplateRoutes } from "./templates.ts";

/** Deliverable templates under /api/groups/templates. */
export function registerTemplatesApi(api: ApiRouter) {
  registerTemplateRoutes(api);
}
