import { createRoute } from "@hono/zod-openapi";
import { apiServices, signedInErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { officeInput } from "../inputs.ts";
import { officeSchema } from "../presenters.ts";

const tags = ["Site"];

/** The office's contact details (workspace settings) shown on the front page and the blog. */
export function registerOfficeRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/site/office",
      tags,
      summary: "The office's address, opening hours and e-mail (anyone)",
      responses: { 200: jsonResponse(officeSchema, "The contact details (empty texts when not set)") },
    }),
    async (c) => c.json(await apiServices(c).office.get(), 200),
  );
  api.openapi(
    createRoute({
      method: "put",
      path: "/site/office",
      tags,
      summary: "Set the office's contact details (admin)",
      request: { body: jsonBody(officeInput) },
      responses: {
        200: jsonResponse(officeSchema, "As saved"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) => c.json(await apiServices(c).office.set(c.get("caller"), c.req.valid("json")), 200),
  );
}
