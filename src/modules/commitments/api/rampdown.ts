import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { checklistItemInput, checklistItemPatch, decisionInput, decisionPatch } from "../inputs-plan.ts";
import {
  checklistItemSchema,
  checklistSchema,
  decisionListSchema,
  decisionSchema,
  presentChecklistItem,
  presentDecision,
} from "../presenters-rampdown.ts";

const tags = ["Ramp-down plan"];

/** The ramp-down plan: a decision per commitment, and the checklist (staff, admins, auditors read). */
export function registerRampdownRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/rampdown/decisions",
      tags,
      summary: "Every ramp-down decision, oldest first",
      responses: { 200: jsonResponse(decisionListSchema, "The decisions"), ...errorResponses(...signedInErrors) },
    }),
    async (c) =>
      c.json({ items: (await apiServices(c).rampdown.listDecisions(c.get("caller"))).map(presentDecision) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/rampdown/decisions",
      tags,
      summary: "Decide on a commitment (staff): continue, end, transfer, already ended",
      description:
        "Exactly one of contractId, secondmentId, grantId, or a title for another commitment; one decision per commitment (a second is refused: change the first). transferTo is given exactly for a transfer.",
      request: { body: jsonBody(decisionInput) },
      responses: { 201: jsonResponse(decisionSchema, "The decision"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(presentDecision(await apiServices(c).rampdown.decide(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/rampdown/decisions/{id}",
      tags,
      summary: "A decision",
      request: { params: idParam },
      responses: {
        200: jsonResponse(decisionSchema, "The decision"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(presentDecision(await apiServices(c).rampdown.getDecision(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/commitments/rampdown/decisions/{id}",
      tags,
      summary: "Change a decision (staff)",
      request: { params: idParam, body: jsonBody(decisionPatch) },
      responses: { 200: jsonResponse(decisionSchema, "The decision as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentDecision(
          await apiServices(c).rampdown.updateDecision(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/rampdown/checklist",
      tags,
      summary: "The ramp-down checklist in order",
      responses: { 200: jsonResponse(checklistSchema, "The checklist"), ...errorResponses(...signedInErrors) },
    }),
    async (c) =>
      c.json({ items: (await apiServices(c).rampdown.checklist(c.get("caller"))).map(presentChecklistItem) }, 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/rampdown/checklist",
      tags,
      summary: "Add an item to the checklist (staff): a standard one (key) or the office's own (title)",
      request: { body: jsonBody(checklistItemInput) },
      responses: { 201: jsonResponse(checklistItemSchema, "The item"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentChecklistItem(await apiServices(c).rampdown.addChecklistItem(c.get("caller"), c.req.valid("json"))),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/rampdown/checklist/standard",
      tags,
      summary: "Add seed 003's decisions not on the checklist yet, in their order (staff)",
      responses: { 200: jsonResponse(checklistSchema, "The whole checklist"), ...errorResponses(...signedInErrors) },
    }),
    async (c) =>
      c.json(
        { items: (await apiServices(c).rampdown.addStandardChecklist(c.get("caller"))).map(presentChecklistItem) },
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/commitments/rampdown/checklist/{id}",
      tags,
      summary: "Change an item's owner, status, due date or note (staff)",
      request: { params: idParam, body: jsonBody(checklistItemPatch) },
      responses: { 200: jsonResponse(checklistItemSchema, "The item as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentChecklistItem(
          await apiServices(c).rampdown.updateChecklistItem(
            c.get("caller"),
            c.req.valid("param").id,
            c.req.valid("json"),
          ),
        ),
        200,
      ),
  );
}
