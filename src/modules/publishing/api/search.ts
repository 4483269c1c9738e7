import { createRoute, z } from "@hono/zod-openapi";
import { apiServices } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import { searchInput, searchKinds } from "../search.ts";

const hitSchema = z
  .object({
    id: z.string(),
    kind: z.enum(searchKinds),
    title: z.string(),
    path: z.string(),
    locale: z.enum(["fi", "sv", "en"]),
    rank: z.number(),
    snippetHtml: z.string().openapi({ description: "The matching words in <mark>; everything else escaped" }),
  })
  .openapi("SearchHit");

/** GET /api/search: posts, events, open walls' posts and published deliverables. */
export function registerSearchRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/search",
      tags: ["Search"],
      summary: "Full-text search of public content, ranked, with the matches highlighted",
      description:
        "Each word is a prefix (allianssi finds allianssimallin); posts and deliverables are stemmed in their own language (Finnish, Swedish, English), events and wall posts in Finnish.",
      request: { query: searchInput },
      responses: {
        200: jsonResponse(z.object({ query: z.string(), hits: z.array(hitSchema) }), "Best first"),
        ...errorResponses("VALIDATION_FAILED"),
      },
    }),
    async (c) => c.json(await apiServices(c).siteSearch.search(c.get("caller"), c.req.valid("query")), 200),
  );
}
