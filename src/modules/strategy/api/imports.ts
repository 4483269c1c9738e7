import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { apiServices, idParam, writeErrors } from "../../../http/api-common.ts";
import type { AppEnv } from "../../../http/context.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import type { ImportFormat } from "../import.ts";
import { importReportSchema, presentImportReport } from "../report-presenters.ts";
import { tags } from "./strategies.ts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const file = z.string().openapi({ format: "binary" });
const body = {
  required: true,
  description:
    "The file itself: CSV (UTF-8; separated by semicolons, commas or tabs, as the header row shows) or XLSX (its first sheet). Columns: indicator (its id or exact name within the strategy), date (2023-12-31 or 31.12.2023), value, source.",
  content: { "text/csv": { schema: file }, [xlsxType]: { schema: file } },
};
const query = z.object({
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

/** Measurements from a file: the dry run lists every row's problems; the commit stores all rows or none. */
export function registerImportRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies/{id}/measurements/import/check",
      tags,
      summary: "Dry run of a measurements import: every row's problems (row, column, message); nothing is stored",
      description:
        "Staff; a goal's responsible group for its own indicators once the strategy is public (as for single measurements).",
      request: { params: idParam, query, body },
      responses: {
        200: jsonResponse(importReportSchema, "The report: valid is true when a commit would store every row"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      const { bytes, format } = await upload(c);
      const report = await apiServices(c).strategyImports.check(
        c.get("caller"),
        c.req.valid("param").id,
        bytes,
        format,
      );
      return c.json(presentImportReport(report), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/strategies/{id}/measurements/import",
      tags,
      summary: "Import measurements: every row in one write, or nothing",
      description:
        "Any problem in any row is 400 VALIDATION_FAILED with an issue per row and column (path rows.<row>.<field>), and nothing changes.",
      request: { params: idParam, query, body },
      responses: {
        201: jsonResponse(importReportSchema, "What was stored"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      const { bytes, format } = await upload(c);
      const report = await apiServices(c).strategyImports.commit(
        c.get("caller"),
        c.req.valid("param").id,
        bytes,
        format,
      );
      return c.json(presentImportReport(report), 201);
    },
  );
}
