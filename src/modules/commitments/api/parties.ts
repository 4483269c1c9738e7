import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { partyInput, partyPatch } from "../inputs.ts";
import { partiesPageSchema, partySchema, presentPartiesPage, presentParty } from "../presenters.ts";
import { partiesPageInput } from "../service.ts";
import { tags } from "./folders.ts";

/** A contract's parties (name, business ID, role, the home organisation it is). */
export function registerPartyRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/contracts/{id}/parties",
      tags,
      summary: "A contract's parties in order",
      request: { params: idParam, query: partiesPageInput },
      responses: {
        200: jsonResponse(partiesPageSchema, "A page of parties"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentPartiesPage(
          await apiServices(c).contracts.listParties(c.get("caller"), c.req.valid("param").id, c.req.valid("query")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/contracts/{id}/parties",
      tags,
      summary: "Add a party to a contract (staff); a business ID must have a right check digit",
      request: { params: idParam, body: jsonBody(partyInput) },
      responses: { 201: jsonResponse(partySchema, "The new party"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentParty(
          await apiServices(c).contracts.addParty(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/commitments/parties/{id}",
      tags,
      summary: "Change a party (staff)",
      request: { params: idParam, body: jsonBody(partyPatch) },
      responses: { 200: jsonResponse(partySchema, "The party as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentParty(
          await apiServices(c).contracts.updateParty(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/commitments/parties/{id}",
      tags,
      summary: "Remove a party (staff)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).contracts.removeParty(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
