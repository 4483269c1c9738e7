import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { goalInput, goalPatch } from "../inputs.ts";
import { goalSchema, presentGoal } from "../presenters.ts";
import { tags } from "./strategies.ts";

/** A strategy's goals (staff). */
export function registerGoalRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies/{id}/goals",
      tags,
      summary: "Add a goal in one of the six categories, with a responsible working group or person (staff)",
      request: { params: idParam, body: jsonBody(goalInput) },
      responses: { 201: jsonResponse(goalSchema, "The new goal"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentGoal(
          await apiServices(c).strategies.createGoal(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/strategies/goals/{id}",
      tags,
      summary: "Change a goal (staff)",
      request: { params: idParam, body: jsonBody(goalPatch) },
      responses: { 200: jsonResponse(goalSchema, "The goal as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentGoal(
          await apiServices(c).strategies.updateGoal(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/strategies/goals/{id}",
      tags,
      summary: "Delete a goal with its indicators and their measurements (staff)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => {
      await apiServices(c).strategies.deleteGoal(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
