import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { secondmentInput, secondmentPatch } from "../inputs-plan.ts";
import {
  presentReturnSchedule,
  presentSecondment,
  presentSecondmentsPage,
  presentSecondmentTotals,
  returnScheduleSchema,
  secondmentSchema,
  secondmentsPageSchema,
  secondmentTotalsSchema,
} from "../presenters-secondments.ts";
import { returnScheduleInput, secondmentsPageInput, secondmentTotalsInput } from "../secondments.ts";

const tags = ["Secondments"];
const readErrors = ["VALIDATION_FAILED", ...signedInErrors] as const;

/** Secondments: the people working for the office from their home organisations (staff, admins, auditors read). */
export function registerSecondmentRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/secondments",
      tags,
      summary: "Secondments by name A–Z, by funding source or home organisation when asked",
      request: { query: secondmentsPageInput },
      responses: {
        200: jsonResponse(secondmentsPageSchema, "A page of secondments"),
        ...errorResponses(...readErrors),
      },
    }),
    async (c) =>
      c.json(presentSecondmentsPage(await apiServices(c).secondments.list(c.get("caller"), c.req.valid("query"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/commitments/secondments",
      tags,
      summary: "Add a secondment (staff)",
      description:
        'fte is exact with two decimals (0.8 or "0,80"); costs are whole cents a month. Refused (400, naming the field): an agreed end or planned return before the start; a person whose shares of overlapping secondments would exceed 100 % in total (sharePercent).',
      request: { body: jsonBody(secondmentInput) },
      responses: { 201: jsonResponse(secondmentSchema, "The new secondment"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(presentSecondment(await apiServices(c).secondments.create(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/secondments/totals",
      tags,
      summary: "People, FTE and monthly costs by home organisation and by funding source",
      description: "?on=YYYY-MM-DD: only secondments in force on that day (by their agreed period).",
      request: { query: secondmentTotalsInput },
      responses: { 200: jsonResponse(secondmentTotalsSchema, "The totals"), ...errorResponses(...readErrors) },
    }),
    async (c) =>
      c.json(
        presentSecondmentTotals(await apiServices(c).secondments.totals(c.get("caller"), c.req.valid("query"))),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/secondments/returns",
      tags,
      summary: "The return schedule by month, with each return's substitution chain",
      request: { query: returnScheduleInput },
      responses: { 200: jsonResponse(returnScheduleSchema, "Months in order"), ...errorResponses(...readErrors) },
    }),
    async (c) =>
      c.json(
        presentReturnSchedule(await apiServices(c).secondments.returnSchedule(c.get("caller"), c.req.valid("query"))),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/secondments/{id}",
      tags,
      summary: "A secondment with its substitution chain",
      request: { params: idParam },
      responses: {
        200: jsonResponse(secondmentSchema, "The secondment"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(presentSecondment(await apiServices(c).secondments.get(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/commitments/secondments/{id}",
      tags,
      summary: "Change a secondment (staff); substitutes given replace the chain",
      request: { params: idParam, body: jsonBody(secondmentPatch) },
      responses: { 200: jsonResponse(secondmentSchema, "The secondment as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentSecondment(
          await apiServices(c).secondments.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json")),
        ),
        200,
      ),
  );
}
