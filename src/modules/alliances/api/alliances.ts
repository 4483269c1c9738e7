import { createRoute, z } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { allianceInput, alliancePatch, contributionInput, memberInput, partiesInput } from "../inputs.ts";
import {
  allianceSchema,
  alliancesPageSchema,
  contributionSchema,
  contributionsSchema,
  membersSchema,
  partiesSchema,
  presentAlliance,
  presentAlliancesPage,
  presentContribution,
  presentContributions,
  presentMember,
  presentParty,
  presentPublishedAlliance,
  publishedAllianceSchema,
} from "../presenters.ts";
import { alliancesPageInput } from "../service.ts";

export const tags = ["Alliances"];
const memberParams = z.object({
  id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
  personId: z.string().openapi({ param: { name: "personId", in: "path" } }),
});

/** Alliances, their parties, members and contributions. Bodies are read again by the services (one parse). */
export function registerAllianceRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances",
      tags,
      summary: "Published alliances and the caller's own, by name",
      request: { query: alliancesPageInput },
      responses: {
        200: jsonResponse(alliancesPageSchema, "A page of alliances"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(presentAlliancesPage(await apiServices(c).alliances.list(c.get("caller"), c.req.valid("query"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances",
      tags,
      summary: "Start an alliance (staff); the founder becomes its first manager",
      description:
        "Owners' shares and providers' shares must each add up to 10000 basis points (100 %); a refusal names the field.",
      request: { body: jsonBody(allianceInput) },
      responses: { 201: jsonResponse(allianceSchema, "The new alliance"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(presentAlliance(await apiServices(c).alliances.create(c.get("caller"), await c.req.json())), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/public",
      tags,
      summary: "What a published alliance shows everyone: goals, segments, phases, parties and approved results",
      request: { params: idParam },
      responses: {
        200: jsonResponse(publishedAllianceSchema, "The published alliance"),
        ...errorResponses("VALIDATION_FAILED", "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentPublishedAlliance(await apiServices(c).alliances.getPublished(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}",
      tags,
      summary: "An alliance with its parties and members (its parties' representatives and managers)",
      request: { params: idParam },
      responses: { 200: jsonResponse(allianceSchema, "The alliance"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(presentAlliance(await apiServices(c).alliances.get(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/alliances/{id}",
      tags,
      summary: "Change an alliance's details, goals, segments or phases (its managers)",
      request: { params: idParam, body: jsonBody(alliancePatch) },
      responses: { 200: jsonResponse(allianceSchema, "The alliance as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentAlliance(
          await apiServices(c).alliances.update(c.get("caller"), c.req.valid("param").id, await c.req.json()),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/alliances/{id}/parties",
      tags,
      summary: "Replace the party set (its managers): parties with an id are kept, others added, the missing removed",
      description: "Owners' and providers' shares must each add up to 100 %; a party with books cannot be removed.",
      request: { params: idParam, body: jsonBody(partiesInput) },
      responses: { 200: jsonResponse(partiesSchema, "The parties as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const parties = await apiServices(c).alliances.setParties(
        c.get("caller"),
        c.req.valid("param").id,
        await c.req.json(),
      );
      return c.json({ items: parties.map(presentParty) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "put",
      path: "/alliances/{id}/members",
      tags,
      summary: "Add or change a member: the party they represent, manager, board member (its managers)",
      request: { params: idParam, body: jsonBody(memberInput) },
      responses: { 200: jsonResponse(membersSchema, "The members"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const members = await apiServices(c).alliances.setMember(
        c.get("caller"),
        c.req.valid("param").id,
        await c.req.json(),
      );
      return c.json({ items: members.map(presentMember) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/alliances/{id}/members/{personId}",
      tags,
      summary: "Remove a member (its managers; the last manager stays)",
      request: { params: memberParams },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const { id, personId } = c.req.valid("param");
      await apiServices(c).alliances.removeMember(c.get("caller"), id, personId);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/contributions",
      tags,
      summary: "Contributions per party and year, with sums per party, per year and for the alliance",
      request: { params: idParam },
      responses: { 200: jsonResponse(contributionsSchema, "The contributions"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentContributions(
          await apiServices(c).alliances.listContributions(c.get("caller"), c.req.valid("param").id),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/contributions",
      tags,
      summary:
        "Record what a party brings in a year: money, staff (FTE or named people), competence, premises, services",
      request: { params: idParam, body: jsonBody(contributionInput) },
      responses: { 201: jsonResponse(contributionSchema, "The contribution"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const services = apiServices(c);
      const caller = c.get("caller");
      const { id } = c.req.valid("param");
      const row = await services.alliances.addContribution(caller, id, await c.req.json());
      const { alliance } = await services.alliances.get(caller, id);
      return c.json(presentContribution(row, alliance.currency), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/alliances/contributions/{id}",
      tags,
      summary: "Remove a contribution (its managers)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).alliances.removeContribution(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
