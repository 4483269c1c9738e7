import { createRoute, z } from "@hono/zod-openapi";
import { apiServices, signedInErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import { coordinationSchema, presentCoordination } from "../presenters.ts";

const tags = ["Deliverables"];

/** Every group's deliverables for the coordinating staff. */
export function registerCoordinationRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/coordination",
      tags,
      summary: "Every group's deliverables with status and next deadline, overdue first (staff)",
      responses: {
        200: jsonResponse(z.array(coordinationSchema), "Deliverables"),
        ...errorResponses(...signedInErrors),
      },
    }),
    async (c) =>
      c.json((await apiServices(c).deliverables.coordination(c.get("caller"))).map(presentCoordination), 200),
  );
}
