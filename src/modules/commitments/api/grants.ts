import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, noContent, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { costsPageInput } from "../grants.ts";
import { costInput, costPatch, grantInput, grantPatch } from "../inputs-plan.ts";
import {
  costSchema,
  costsPageSchema,
  grantListSchema,
  grantSchema,
  presentCost,
  presentCostsPage,
  presentGrant,
} from "../presenters-grants.ts";

const tags = ["Grants"];
const ruleText =
  "Each entry is decided eligible or not, with the rule that decided it, in this order: outside the eligibility period or after the spending cut-off; development or ICT work for another public body (forOtherPublicBody); a commitment made after the commitments cut-off (commitmentDate) unless essentialForEnding; else eligible.";

/** State grants, their cost entries and the report (staff, admins, auditors read; staff and admins write). */
export function registerGrantRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/grants",
      tags,
      summary: "Grants A–Z with their figures",
      responses: { 200: jsonResponse(grantListSchema, "The grants"), ...errorResponses(...signedInErrors) },
    }),
    async (c) => c.json({ items: (await apiServices(c).grants.list(c.get("caller"))).map(presentGrant) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/grants",
      tags,
      summary: "Add a grant (staff)",
      description:
        'ownSharePercent with at most two decimals (10 or "7,5"); cutOffs at most one of each kind (commitments, spending, report); paidCents by default the amount.',
      request: { body: jsonBody(grantInput) },
      responses: { 201: jsonResponse(grantSchema, "The new grant"), ...errorResponses(...writeErrors) },
    }),
    async (c) => c.json(presentGrant(await apiServices(c).grants.create(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/grants/{id}",
      tags,
      summary: "A grant with its figures: eligible costs, the grant used, remaining and to be returned",
      request: { params: idParam },
      responses: { 200: jsonResponse(grantSchema, "The grant"), ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => c.json(presentGrant(await apiServices(c).grants.get(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/commitments/grants/{id}",
      tags,
      summary: "Change a grant (staff); every cost entry is decided again",
      request: { params: idParam, body: jsonBody(grantPatch) },
      responses: { 200: jsonResponse(grantSchema, "The grant as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentGrant(await apiServices(c).grants.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json"))),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/grants/{id}/costs",
      tags,
      summary: "A grant's cost entries by date",
      request: { params: idParam, query: costsPageInput },
      responses: {
        200: jsonResponse(costsPageSchema, "A page of entries"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentCostsPage(
          await apiServices(c).grants.listCosts(c.get("caller"), c.req.valid("param").id, c.req.valid("query")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/grants/{id}/costs",
      tags,
      summary: "Charge a cost to a grant (staff)",
      description: ruleText,
      request: { params: idParam, body: jsonBody(costInput) },
      responses: { 201: jsonResponse(costSchema, "The entry as decided"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentCost(await apiServices(c).grants.addCost(c.get("caller"), c.req.valid("param").id, c.req.valid("json"))),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/commitments/costs/{id}",
      tags,
      summary: "Change a cost entry (staff); it is decided again",
      description: ruleText,
      request: { params: idParam, body: jsonBody(costPatch) },
      responses: { 200: jsonResponse(costSchema, "The entry as decided"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentCost(
          await apiServices(c).grants.updateCost(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/commitments/costs/{id}",
      tags,
      summary: "Remove a cost entry (staff)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...signedInErrors, "NOT_FOUND") },
    }),
    async (c) => {
      await apiServices(c).grants.removeCost(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );
}
