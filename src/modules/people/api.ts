import { createRoute, z } from "@hono/zod-openapi";
import { pageSchema } from "../../core/pagination.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../http/openapi.ts";
import { organisationInput, personUpdateInput } from "./inputs.ts";
import { organisationSchema, personSchema, presentOrganisation, presentPerson } from "./presenters.ts";
import { peoplePageInput } from "./service.ts";

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });
const personIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "id", in: "path" } }),
});
const tags = ["People and organisations"];

export function registerPeopleApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/organisations",
      tags,
      summary: "List organisations with their member counts",
      responses: {
        200: jsonResponse(z.array(organisationSchema), "Organisations by name"),
        ...errorResponses("UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => {
      const rows = await c.get("platform").services.people.listOrganisations(c.get("caller"));
      return c.json(rows.map(presentOrganisation), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/organisations",
      tags,
      summary: "Create an organisation (admin)",
      request: { body: jsonBody(organisationInput) },
      responses: {
        201: jsonResponse(organisationSchema, "The new organisation"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT"),
      },
    }),
    async (c) => {
      const row = await c.get("platform").services.people.createOrganisation(c.get("caller"), c.req.valid("json"));
      return c.json(presentOrganisation(row), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/organisations/{id}",
      tags,
      summary: "Rename an organisation or change its kind (admin)",
      request: { params: idParam, body: jsonBody(organisationInput) },
      responses: {
        200: jsonResponse(organisationSchema, "The organisation as saved"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"),
      },
    }),
    async (c) => {
      const row = await c
        .get("platform")
        .services.people.updateOrganisation(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentOrganisation(row), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/people",
      tags,
      summary: "People with their home organisation, title and role, by name; the next page with ?cursor=<nextCursor>",
      request: { query: peoplePageInput },
      responses: {
        200: jsonResponse(pageSchema(personSchema).openapi("PersonPage"), "A page of people by name"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => {
      const page = await c.get("platform").services.people.pagePeople(c.get("caller"), c.req.valid("query"));
      return c.json({ items: page.items.map(presentPerson), nextCursor: page.nextCursor }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/people/{id}",
      tags,
      summary: "Change a person's name, role, title, organisation or language (admin)",
      request: { params: personIdParam, body: jsonBody(personUpdateInput) },
      responses: {
        200: jsonResponse(personSchema, "The person as saved"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
      },
    }),
    async (c) => {
      const row = await c
        .get("platform")
        .services.people.updatePerson(c.get("caller"), c.req.valid("param").id, c.req.valid("json"));
      return c.json(presentPerson(row), 200);
    },
  );
}
