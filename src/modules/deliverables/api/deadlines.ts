import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody } from "../../../http/openapi.ts";
import { deadlineDoneInput, deadlineInput } from "../inputs.ts";

const tags = ["Deliverables"];

/** A deliverable's deadlines. */
export function registerDeadlineRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/deliverables/{id}/deadlines",
      tags,
      summary: "Add a deadline (the group's people and staff)",
      request: { params: idParam, body: jsonBody(deadlineInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).deliverables.addDeadline(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/groups/deadlines/{id}",
      tags,
      summary: "Mark a deadline met, or open again",
      request: { params: idParam, body: jsonBody(deadlineDoneInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).deliverables.setDeadlineDone(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/groups/deadlines/{id}",
      tags,
      summary: "Remove a deadline",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => {
      await apiServices(c).deliverables.removeDeadline(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
