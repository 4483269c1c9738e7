import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { consultationCloseInput, consultationInput } from "../consultation.ts";
import { presentStrategy, strategySchema } from "../presenters.ts";
import { consultationSummarySchema, presentConsultationSummary } from "../report-presenters.ts";
import { tags } from "./strategies.ts";

/** A draft's consultation: opening it (each goal gets a wall), closing it, and its summary (staff). */
export function registerConsultationRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies/{id}/consultation",
      tags,
      summary: "Open a draft for comments until a deadline: each goal gets its own wall (staff)",
      description:
        "The office chooses whether comments may be anonymous and whether they are moderated before they show. The walls close at the end of the deadline day (Finnish time) and when the strategy leaves consultation. A strategy that is not a draft is 409.",
      request: { params: idParam, body: jsonBody(consultationInput) },
      responses: {
        200: jsonResponse(strategySchema, "The strategy, now in consultation"),
        ...errorResponses(...writeErrors, "CONFLICT"),
      },
    }),
    async (c) =>
      c.json(
        presentStrategy(
          await apiServices(c).strategyConsultation.open(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies/{id}/consultation/close",
      tags,
      summary: "End the consultation now: the walls close, the strategy goes back to a draft or is adopted (staff)",
      request: { params: idParam, body: jsonBody(consultationCloseInput) },
      responses: {
        200: jsonResponse(strategySchema, "The strategy after the consultation"),
        ...errorResponses(...writeErrors, "CONFLICT"),
      },
    }),
    async (c) =>
      c.json(
        presentStrategy(
          await apiServices(c).strategyConsultation.close(
            c.get("caller"),
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/strategies/{id}/consultation",
      tags,
      summary: "The consultation summary: each goal's visible comments (staff)",
      description: "Also as CSV and XLSX at /strategies/{id}/consultation.csv and .xlsx.",
      request: { params: idParam },
      responses: {
        200: jsonResponse(consultationSummarySchema, "The summary"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentConsultationSummary(
          await apiServices(c).strategyConsultation.summary(c.get("caller"), c.req.valid("param").id),
        ),
        200,
      ),
  );
}
