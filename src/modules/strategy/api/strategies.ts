import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { strategyInput, strategyPatch } from "../inputs.ts";
import {
  overviewSchema,
  presentOverview,
  presentStrategiesPage,
  presentStrategy,
  presentStrategyDetail,
  strategiesPageSchema,
  strategyDetailSchema,
  strategySchema,
} from "../presenters.ts";
import { strategiesPageInput } from "../service.ts";

export const tags = ["Regional strategy"];

/** Strategies: the list, a new one, one with its goals and indicators, a change (its status too), the overview. */
export function registerStrategyRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/strategies",
      tags,
      summary:
        "Strategies, newest period first: everyone sees those in consultation, adopted and archived; staff also drafts",
      description: "A page at a time: pass nextCursor as ?cursor= for the next page.",
      request: { query: strategiesPageInput },
      responses: {
        200: jsonResponse(strategiesPageSchema, "A page of strategies"),
        ...errorResponses("VALIDATION_FAILED"),
      },
    }),
    async (c) =>
      c.json(presentStrategiesPage(await apiServices(c).strategies.list(c.get("caller"), c.req.valid("query"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies",
      tags,
      summary: "Start a strategy for a period (staff)",
      request: { body: jsonBody(strategyInput) },
      responses: {
        201: jsonResponse(strategySchema, "The new strategy"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(presentStrategy(await apiServices(c).strategies.create(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/strategies/{id}",
      tags,
      summary: "A strategy with its goals, their indicators (each with its status and measurements) and the overview",
      description:
        "Numbers are exact decimal strings. A draft is for staff only; strategies in consultation, adopted and archived are public.",
      request: { params: idParam },
      responses: {
        200: jsonResponse(strategyDetailSchema, "The strategy"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(presentStrategyDetail(await apiServices(c).strategies.get(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/strategies/{id}",
      tags,
      summary: "Change a strategy's name, period, vision or status (staff)",
      request: { params: idParam, body: jsonBody(strategyPatch) },
      responses: { 200: jsonResponse(strategySchema, "The strategy as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentStrategy(
          await apiServices(c).strategies.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/strategies/{id}/overview",
      tags,
      summary: "The count of indicators per status in each of the six categories",
      request: { params: idParam },
      responses: {
        200: jsonResponse(overviewSchema, "The overview"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentOverview(
          (await apiServices(c).strategies.overview(c.get("caller"), c.req.valid("param").id)).categories,
        ),
        200,
      ),
  );
}
