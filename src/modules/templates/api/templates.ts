import { createRoute, z } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { templateInput } from "../inputs.ts";
import { presentTemplate, presentTemplateSummary, templateSchema, templateSummarySchema } from "../presenters.ts";

const tags = ["Deliverable templates"];

/** Deliverable templates. */
export function registerTemplateRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/templates",
      tags,
      summary: "Deliverable templates (signed-in people)",
      responses: {
        200: jsonResponse(z.array(templateSummarySchema), "Templates"),
        ...errorResponses(...signedInErrors),
      },
    }),
    async (c) =>
      c.json((await apiServices(c).deliverableTemplates.list(c.get("caller"))).map(presentTemplateSummary), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/templates",
      tags,
      summary: "Define a deliverable template: ordered sections with title and guidance in fi/sv/en (admins)",
      request: { body: jsonBody(templateInput) },
      responses: {
        201: jsonResponse(templateSchema, "The new template"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(
        presentTemplate(await apiServices(c).deliverableTemplates.create(c.get("caller"), c.req.valid("json"))),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/templates/{id}",
      tags,
      summary: "A template with its sections",
      request: { params: idParam },
      responses: {
        200: jsonResponse(templateSchema, "The template"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentTemplate(await apiServices(c).deliverableTemplates.get(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/templates/{id}",
      tags,
      summary: "Replace a template's name, description and sections (admins); existing deliverables keep theirs",
      request: { params: idParam, body: jsonBody(templateInput) },
      responses: { 200: jsonResponse(templateSchema, "The template as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentTemplate(
          await apiServices(c).deliverableTemplates.update(
            c.get("caller"),
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        200,
      ),
  );
}
