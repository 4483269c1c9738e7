import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody } from "../../../http/openapi.ts";
import { commentInput } from "../inputs.ts";

const tags = ["Deliverables"];

/** Comments on a section. */
export function registerCommentRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/sections/{id}/comments",
      tags,
      summary: "Comment on a section (the group's people and staff)",
      request: { params: idParam, body: jsonBody(commentInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).deliverables.comment(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );
}
