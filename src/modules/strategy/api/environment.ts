import { createRoute, z } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { environmentInput } from "../environment.ts";
import { environmentSchema, presentEnvironment } from "../report-presenters.ts";
import { tags } from "./strategies.ts";

/** The operating-environment analysis: a deliverable attached to the strategy. */
export function registerEnvironmentRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies/{id}/environment",
      tags,
      summary: "Attach the operating-environment analysis: a deliverable of the group that writes it (staff)",
      description:
        "Made from the built-in template (current state, coming changes, their effects); its sections, versions and exports are the deliverable's (/api/deliverables/{id}, /d/{id}/export.docx). A second one is 409.",
      request: { params: idParam, body: jsonBody(environmentInput) },
      responses: {
        201: jsonResponse(z.object({ strategyId: z.uuid(), deliverableId: z.uuid() }), "The analysis' deliverable"),
        ...errorResponses(...writeErrors, "CONFLICT"),
      },
    }),
    async (c) =>
      c.json(
        await apiServices(c).strategyEnvironment.attach(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/strategies/{id}/environment",
      tags,
      summary: "The strategy's operating-environment analysis, as far as the caller may read the deliverable",
      request: { params: idParam },
      responses: {
        200: jsonResponse(environmentSchema, "The analysis"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentEnvironment(await apiServices(c).strategyEnvironment.get(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );
}
