import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { apiServices, idParam, noContent, writeErrors } from "../../../http/api-common.ts";
import type { AppEnv } from "../../../http/context.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { costEntriesPageInput } from "../books.ts";
import type { ImportFormat } from "../import.ts";
import { budgetLineInput, costEntryInput } from "../inputs.ts";
import {
  booksSummarySchema,
  budgetLineSchema,
  budgetLinesSchema,
  costEntriesPageSchema,
  costEntrySchema,
  importReportSchema,
  presentBooksSummary,
  presentBudgetLine,
  presentCostEntriesPage,
  presentCostEntry,
  presentImportReport,
} from "../presenters.ts";
import { tags } from "./alliances.ts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const file = z.string().openapi({ format: "binary" });
const importBody = {
  required: true,
  description:
    "CSV (UTF-8; semicolons, commas or tabs as the header row shows) or XLSX (its first sheet). Columns: party (business ID or exact name), date (2025-12-31 or 31.12.2025), category, counts (yes/no; optional), amount, audit reference, description (optional).",
  content: { "text/csv": { schema: file }, [xlsxType]: { schema: file } },
};
const importQuery = z.object({
  format: z.enum(["csv", "xlsx"]).optional().openapi({ description: "Otherwise the Content-Type or the file tells" }),
});

async function upload(c: Context<AppEnv>): Promise<{ bytes: Uint8Array; format: ImportFormat | undefined }> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const asked = c.req.query("format");
  const type = c.req.header("content-type") ?? "";
  const format =
    asked === "csv" || asked === "xlsx"
      ? asked
      : type.startsWith(xlsxType)
        ? "xlsx"
        : type.startsWith("text/csv")
          ? "csv"
          : undefined;
  return { bytes, format };
}

async function currencyOf(c: Context<AppEnv>, allianceId: string) {
  return (await apiServices(c).alliances.get(c.get("caller"), allianceId)).alliance.currency;
}

/** The open books: budget lines, cost entries (also imported), budget against actual. */
export function registerBookRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/budget",
      tags,
      summary: "The budget lines per year and party",
      request: { params: idParam },
      responses: { 200: jsonResponse(budgetLinesSchema, "The budget"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const rows = await apiServices(c).allianceBooks.listBudget(c.get("caller"), id);
      const currency = await currencyOf(c, id);
      return c.json({ items: rows.map((r) => presentBudgetLine(r, currency)) }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/budget",
      tags,
      summary: "Add a budget line (its managers)",
      request: { params: idParam, body: jsonBody(budgetLineInput) },
      responses: { 201: jsonResponse(budgetLineSchema, "The budget line"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const row = await apiServices(c).allianceBooks.addBudgetLine(c.get("caller"), id, await c.req.json());
      return c.json(presentBudgetLine(row, await currencyOf(c, id)), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/alliances/budget/{id}",
      tags,
      summary: "Remove a budget line (its managers)",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).allianceBooks.removeBudgetLine(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/costs",
      tags,
      summary: "Cost entries by day (a year's or a party's when asked); every party's representatives see the same",
      request: { params: idParam, query: costEntriesPageInput },
      responses: {
        200: jsonResponse(costEntriesPageSchema, "A page of cost entries"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const page = await apiServices(c).allianceBooks.listCostEntries(c.get("caller"), id, c.req.valid("query"));
      return c.json(presentCostEntriesPage(page, await currencyOf(c, id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/costs",
      tags,
      summary: "Book a cost entry (its managers); the day must be within the alliance's dates",
      request: { params: idParam, body: jsonBody(costEntryInput) },
      responses: { 201: jsonResponse(costEntrySchema, "The cost entry"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const row = await apiServices(c).allianceBooks.addCostEntry(c.get("caller"), id, await c.req.json());
      return c.json(presentCostEntry(row, await currencyOf(c, id)), 201);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/costs/{id}",
      tags,
      summary: "One cost entry",
      request: { params: idParam },
      responses: { 200: jsonResponse(costEntrySchema, "The cost entry"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const row = await apiServices(c).allianceBooks.getCostEntry(c.get("caller"), c.req.valid("param").id);
      return c.json(presentCostEntry(row, await currencyOf(c, row.allianceId)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/alliances/costs/{id}",
      tags,
      summary: "Remove a cost entry (its managers); approved settlements keep what they were computed from",
      request: { params: idParam },
      responses: { ...noContent, ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      await apiServices(c).allianceBooks.removeCostEntry(c.get("caller"), c.req.valid("param").id);
      return c.body(null, 204);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/alliances/{id}/books/summary",
      tags,
      summary: "Budget against actual per year and party, and the alliance's per year",
      request: { params: idParam },
      responses: { 200: jsonResponse(booksSummarySchema, "The summary"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentBooksSummary(await apiServices(c).allianceBooks.summary(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/costs/import/check",
      tags,
      summary: "Dry run of a cost entry import: every row's problems (row, column, message); nothing is stored",
      description: "Its managers.",
      request: { params: idParam, query: importQuery, body: importBody },
      responses: { 200: jsonResponse(importReportSchema, "The report"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { bytes, format } = await upload(c);
      const report = await apiServices(c).allianceImports.check(c.get("caller"), id, bytes, format);
      return c.json(presentImportReport(report, await currencyOf(c, id)), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/alliances/{id}/costs/import",
      tags,
      summary: "Import cost entries: every row in one write, or nothing",
      description:
        "Any problem in any row is 400 VALIDATION_FAILED with an issue per row and column (path rows.<row>.<field>), and nothing changes.",
      request: { params: idParam, query: importQuery, body: importBody },
      responses: { 201: jsonResponse(importReportSchema, "What was stored"), ...errorResponses(...writeErrors) },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const { bytes, format } = await upload(c);
      const report = await apiServices(c).allianceImports.commit(c.get("caller"), id, bytes, format);
      return c.json(presentImportReport(report, await currencyOf(c, id)), 201);
    },
  );
}
