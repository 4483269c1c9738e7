import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { gateInput } from "../inputs.ts";
import { allianceSummarySchema, presentAllianceSummary } from "../presenters.ts";
import { tags } from "./alliances.ts";

/** The gates between an alliance's phases, each decided by one of its board's decisions. */
export function registerGateRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/gates",
      tags,
      summary: "Decide a phase's gate by one of the board's decisions (its managers)",
      description:
        "The decision must be in this alliance's decision log: a made decision approves the gate, one not made rejects it. Gates are decided in order (the previous phase's gate approved first); an approved gate stays, a rejected one may be decided again. The alliance's phases show the gate with the decision's day and id. A phase's gate cannot be set by editing the alliance.",
      request: { params: idParam, body: jsonBody(gateInput) },
      responses: {
        200: jsonResponse(allianceSummarySchema, "The alliance with the gate decided"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) =>
      c.json(
        presentAllianceSummary(
          await apiServices(c).allianceGates.decide(c.get("caller"), c.req.valid("param").id, await c.req.json()),
        ),
        200,
      ),
  );
}
