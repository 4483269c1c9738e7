import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { incentiveModelSchema } from "../incentive/model.ts";
import { approvalInput, settlementInput } from "../inputs.ts";
import {
  modelSchema,
  modelsSchema,
  presentModel,
  presentSettlement,
  presentSettlementSummary,
  settlementSchema,
  settlementsSchema,
} from "../presenters.ts";
import { tags } from "./alliances.ts";

/** The incentive model's versions and the settlements worked out with them. */
export function registerSettlementRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/models",
      tags,
      summary: "The incentive model's versions, oldest first",
      request: { params: idParam },
      responses: { 200: jsonResponse(modelsSchema, "The versions"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const models = await apiServices(c).allianceSettlements.listModels(c.get("caller"), c.req.valid("param").id);
      return c.json({ items: models.map(presentModel) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/models",
      tags,
      summary: "A new version of the incentive model (its managers); version must be the next number",
      description:
        "Target per year with approved adjustments and an index correction, gain and pain share bands, gain and pain caps (the pain cap defaults to the fee), an annual gain cap with carry-over, the providers' and owners' shares, key result areas.",
      request: { params: idParam, body: jsonBody(incentiveModelSchema) },
      responses: { 201: jsonResponse(modelSchema, "The version"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentModel(
          await apiServices(c).allianceSettlements.createModel(
            c.get("caller"),
            c.req.valid("param").id,
            await c.req.json(),
          ),
        ),
        201,
      ),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/settlements",
      tags,
      summary: "The settlements, every version of every year",
      request: { params: idParam },
      responses: { 200: jsonResponse(settlementsSchema, "The settlements"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const rows = await apiServices(c).allianceSettlements.list(c.get("caller"), c.req.valid("param").id);
      return c.json({ items: rows.map(presentSettlementSummary) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/settlements",
      tags,
      summary: "Work out a year's settlement from the books with the newest model (its managers): a new version",
      description:
        "Interim for a year, final for the model's last year. Each step of the formula is stored and returned, with the cost entries and model parts behind it.",
      request: { params: idParam, body: jsonBody(settlementInput) },
      responses: { 201: jsonResponse(settlementSchema, "The settlement"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const caller = c.get("caller");
      const view = await apiServices(c).allianceSettlements.calculate(
        caller,
        c.req.valid("param").id,
        await c.req.json(),
      );
      return c.json(presentSettlement(view, caller.locale), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/settlements/{id}",
      tags,
      summary: "One settlement with its years, steps, totals and the differences from the version it corrects",
      request: { params: idParam },
      responses: { 200: jsonResponse(settlementSchema, "The settlement"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const caller = c.get("caller");
      const view = await apiServices(c).allianceSettlements.get(caller, c.req.valid("param").id);
      return c.json(presentSettlement(view, caller.locale), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/settlements/{id}/approve",
      tags,
      summary: "Approve a settlement by the board's decision (its managers): it is frozen from then on",
      request: { params: idParam, body: jsonBody(approvalInput) },
      responses: { 200: jsonResponse(settlementSchema, "The approved settlement"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const caller = c.get("caller");
      const view = await apiServices(c).allianceSettlements.approve(
        caller,
        c.req.valid("param").id,
        await c.req.json(),
      );
      return c.json(presentSettlement(view, caller.locale), 200);
    },
  );
}
