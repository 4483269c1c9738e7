import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { decisionInput } from "../inputs.ts";
import { decisionSchema, decisionsSchema, presentDecision } from "../presenters.ts";
import { tags } from "./alliances.ts";

/** The alliance board's decision log. */
export function registerDecisionRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/decisions",
      tags,
      summary: "The board's decision log, by day",
      request: { params: idParam },
      responses: { 200: jsonResponse(decisionsSchema, "The decisions"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const rows = await apiServices(c).allianceDecisions.list(c.get("caller"), c.req.valid("param").id);
      return c.json({ items: rows.map(presentDecision) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/decisions",
      tags,
      summary: "Record a decision with every board member's position (its managers)",
      description:
        "A decision that requires unanimity is refused as made unless every board member is for it; otherwise it needs more for than against.",
      request: { params: idParam, body: jsonBody(decisionInput) },
      responses: { 201: jsonResponse(decisionSchema, "The decision"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentDecision(
          await apiServices(c).allianceDecisions.record(c.get("caller"), c.req.valid("param").id, await c.req.json()),
        ),
        201,
      ),
  );
}
