import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { indicatorInput, indicatorPatch } from "../inputs.ts";
import { indicatorSchema, presentIndicator } from "../presenters.ts";
import { tags } from "./strategies.ts";

/** A goal's indicators (staff). */
export function registerIndicatorRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies/goals/{id}/indicators",
      tags,
      summary: "Add an indicator to a goal: baseline, target (after the baseline) and intermediate targets (staff)",
      request: { params: idParam, body: jsonBody(indicatorInput) },
      responses: { 201: jsonResponse(indicatorSchema, "The new indicator"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentIndicator(
          await apiServices(c).strategies.createIndicator(
            c.get("caller"),
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/strategies/indicators/{id}",
      tags,
      summary: "An indicator with its status and measurements",
      request: { params: idParam },
      responses: {
        200: jsonResponse(indicatorSchema, "The indicator"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) => {
      const caller = c.get("caller");
      const services = apiServices(c);
      const view = await services.strategies.getIndicator(caller, c.req.valid("param").id);
      return c.json(presentIndicator(view, view.canEnterMeasurements), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/strategies/indicators/{id}",
      tags,
      summary: "Change an indicator (staff)",
      request: { params: idParam, body: jsonBody(indicatorPatch) },
      responses: { 200: jsonResponse(indicatorSchema, "The indicator as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentIndicator(
          await apiServices(c).strategies.updateIndicator(
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
      method: "delete",
      path: "/strategies/indicators/{id}",
      tags,
      summary: "Delete an indicator with its measurements (staff)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => {
      await apiServices(c).strategies.deleteIndicator(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
