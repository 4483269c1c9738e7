import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody } from "../../../http/openapi.ts";
import { phaseInput } from "../inputs.ts";

const tags = ["Programme timeline"];

/** The programme's phases. */
export function registerPhaseRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/timeline/phases",
      tags,
      summary: "Add a phase at the end (staff)",
      request: { body: jsonBody(phaseInput) },
      responses: { ...noContent, ...errorResponses("VALIDATION_FAILED", ...signedInErrors) },
    }),
    async (c) => {
      await apiServices(c).timeline.createPhase(c.get("caller"), c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/timeline/phases/{id}",
      tags,
      summary: "Change a phase's names and dates (staff)",
      request: { params: idParam, body: jsonBody(phaseInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).timeline.updatePhase(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );
}
