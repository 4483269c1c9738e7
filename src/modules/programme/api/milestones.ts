import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody } from "../../../http/openapi.ts";
import { milestoneInput } from "../inputs.ts";

const tags = ["Programme timeline"];

/** The programme's milestones. */
export function registerMilestoneRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/timeline/milestones",
      tags,
      summary: "Add a milestone (staff)",
      request: { body: jsonBody(milestoneInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).timeline.addMilestone(c.get("caller"), c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/groups/timeline/milestones/{id}",
      tags,
      summary: "Remove a milestone (staff)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => {
      await apiServices(c).timeline.removeMilestone(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
