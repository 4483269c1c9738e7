import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { deliverableInput, deliverableUpdateInput } from "../inputs.ts";
import {
  deliverableCreatedSchema,
  deliverableDetailSchema,
  presentDeliverable,
  presentDeliverableCreated,
} from "../presenters.ts";

const tags = ["Deliverables"];

/** A deliverable: start one from a template, read it, change its title or publicity. */
export function registerDeliverableRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/groups/{id}/deliverables",
      tags,
      summary: "Start a deliverable from a template (the group's people and staff)",
      description: "The template's sections are copied with their titles and guidance in the deliverable's language.",
      request: { params: idParam, body: jsonBody(deliverableInput) },
      responses: {
        201: jsonResponse(deliverableCreatedSchema, "The new deliverable"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      const row = await apiServices(c).deliverables.create(
        c.get("caller"),
        c.req.valid("param").id,
        c.req.valid("json"),
      );
      return c.json(presentDeliverableCreated(row), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/deliverables/{id}",
      tags,
      summary: "A deliverable with its sections, deadlines and review history",
      description:
        "The group's people and staff; everyone when both the deliverable and its group are public. Download it as /d/{id}/export.docx or /d/{id}/export.pptx (add ?guidance=1 for the template's guidance).",
      request: { params: idParam },
      responses: {
        200: jsonResponse(deliverableDetailSchema, "The deliverable"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(presentDeliverable(await apiServices(c).deliverables.get(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/groups/deliverables/{id}",
      tags,
      summary: "Change a deliverable's title or publish it (the group's convener, chair, secretary, or staff)",
      request: { params: idParam, body: jsonBody(deliverableUpdateInput) },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).deliverables.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.body(null, 204);
    },
  );
}
