import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody } from "../../../http/openapi.ts";
import { transitionInput } from "../inputs.ts";

const tags = ["Deliverables"];

/** A deliverable's status machine. */
export function registerStatusRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/deliverables/{id}/status",
      tags,
      summary: "Move the deliverable's status",
      description:
        "The group's people (and staff): draft → in_review → submitted, in_review → draft, returned → in_review. Staff: submitted → accepted, or submitted → returned with a comment. A move not possible from the current status is 409 CONFLICT (reload).",
      request: { params: idParam, body: jsonBody(transitionInput) },
      responses: {
        ...noContent,
        ...errorResponses(...writeErrors, "CONFLICT"),
      },
    }),
    async (c) => {
      await apiServices(c).deliverables.transition(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );
}
