import type { ApiRouter } from "../../../http/openapi.ts";
import { registerOfficeRoutes } from "./office.ts";
import { registerPostRoutes } from "./posts.ts";
import { registerSearchRoutes } from "./search.ts";

/** /api/publishing (posts, tags, archive, covers) and /api/site/office; feeds and covers outside /api are in http.ts. */
export function registerPublishingApi(api: ApiRouter) {
  registerPostRoutes(api);
  registerOfficeRoutes(api);
  registerSearchRoutes(api);
}
