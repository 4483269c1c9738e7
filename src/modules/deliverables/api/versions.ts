import { createRoute, z } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import { comparisonSchema, presentComparison, presentVersionWithBody, versionWithBodySchema } from "../presenters.ts";

const tags = ["Deliverables"];

/** A section's saved versions and their comparison. */
export function registerVersionRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/sections/{id}/versions",
      tags,
      summary: "Every saved version of a section, newest first: who, when, the whole text",
      request: { params: idParam },
      responses: {
        200: jsonResponse(z.array(versionWithBodySchema), "Versions"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        (await apiServices(c).deliverables.versions(c.get("caller"), c.req.valid("param").id)).map(
          presentVersionWithBody,
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/sections/{id}/compare",
      tags,
      summary: "Two versions compared line by line (version 0 is the empty section)",
      request: {
        params: idParam,
        query: z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().min(0) }),
      },
      responses: { 200: jsonResponse(comparisonSchema, "The comparison"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentComparison(
          await apiServices(c).deliverables.compare(c.get("caller"), c.req.valid("param").id, c.req.valid("query")),
        ),
        200,
      ),
  );
}
