import type { ApiRouter } from "../../../http/openapi.ts";
import { registerGroupRoutes } from "./groups.ts";
import { registerMemberRoutes } from "./members.ts";

/**
 * The working groups' JSON API under /api/groups. Registered after the
 * deliverables', templates' and programme's routes (src/http/app.ts), whose
 * fixed paths (/groups/coordination, /groups/templates, ...) a group id must
 * never shadow.
 */
export function registerGroupsApi(api: ApiRouter) {
  registerGroupRoutes(api);
  registerMemberRoutes(api);
}
