import { z } from "@hono/zod-openapi";
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../../http/openapi.ts";
import { translate } from "../../../i18n/translate.ts";
import { csvSeparator, toCsv } from "../../walls/outputs/csv.ts";
import { exportFileName } from "../../walls/outputs/table.ts";
import { toXlsx } from "../../walls/outputs/xlsx.ts";
import { consultationTables } from "../export/consultation.ts";
import { strategyDocx, strategyXlsx } from "../export/strategy.ts";

const types = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

function download(body: Buffer, type: string, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": type,
      // The name has only ASCII letters, digits, dashes and a dot (exportFileName).
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** The title as an ASCII file name with the date (the walls' rule), with this extension. */
const fileName = (
  c: Context<AppEnv>,
  title: string,
  fallback: "strategy.export.file" | "strategy.consultation.file",
  extension: "csv" | "xlsx" | "docx",
) => exportFileName(title, translate(c.get("caller").locale, fallback), new Date(), "xlsx").replace(/xlsx$/, extension);

/**
 * A strategy's downloads, mounted before the web UI: the whole strategy as XLSX and DOCX (whoever may read it), and
 * the consultation summary as CSV and XLSX (staff). Errors are JSON.
 */
export function registerStrategyDownloads(app: Hono<AppEnv>) {
  for (const extension of ["xlsx", "docx"] as const) {
    app.get(`/strategies/:id/export.${extension}`, async (c) => {
      const caller = c.get("caller");
      const detail = await c.get("platform").services.strategies.get(caller, c.req.param("id"));
      const body =
        extension === "xlsx" ? await strategyXlsx(detail, caller.locale) : await strategyDocx(detail, caller.locale);
      return download(body, types[extension], fileName(c, detail.strategy.name, "strategy.export.file", extension));
    });
  }
  for (const extension of ["csv", "xlsx"] as const) {
    app.get(`/strategies/:id/consultation.${extension}`, async (c) => {
      const caller = c.get("caller");
      const summary = await c.get("platform").services.strategyConsultation.summary(caller, c.req.param("id"));
      const tables = consultationTables(summary, caller.locale);
      const name = fileName(c, summary.strategy.name, "strategy.consultation.file", extension);
      if (extension === "xlsx")
        return download(await toXlsx(tables, caller.locale, summary.strategy.name), types.xlsx, name);
      const all = tables[0] ?? { name: "", rows: [] };
      return download(
        toCsv(all, caller.locale, csvSeparator(caller.locale, c.req.query("separator"))),
        types.csv,
        name,
      );
    });
  }
}

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

/** The downloads above in the OpenAPI document, at their own URLs. */
export function describeStrategyDownloads(docs: DownloadDocs) {
  const downloads = [
    {
      path: "/strategies/{id}/export.xlsx",
      type: types.xlsx,
      summary: "The whole strategy as an Excel workbook: sheets of goals, indicators and measurements",
      description:
        "For whoever may read the strategy. The measurements sheet's first columns (indicator, date, value, source) are the import's.",
    },
    {
      path: "/strategies/{id}/export.docx",
      type: types.docx,
      summary: "The whole strategy as a Word document: goals, indicator tables and each indicator's chart as an image",
      description: "For whoever may read the strategy, in the caller's language.",
    },
    {
      path: "/strategies/{id}/consultation.csv",
      type: types.csv,
      summary: "The consultation summary as CSV: every goal's visible comments",
      description:
        "Staff only. The separator follows the language (semicolon for fi and sv) unless ?separator= says otherwise.",
      query: z.object({ separator: z.enum(["comma", "semicolon"]).optional() }),
    },
    {
      path: "/strategies/{id}/consultation.xlsx",
      type: types.xlsx,
      summary: "The consultation summary as an Excel workbook: all comments, then a sheet per goal",
      description: "Staff only.",
    },
  ];
  for (const d of downloads) {
    docs.registerPath({
      method: "get",
      path: d.path,
      tags: ["Regional strategy"],
      summary: d.summary,
      description: d.description,
      request: { params: idParam, ...("query" in d && d.query ? { query: d.query } : {}) },
      responses: {
        200: downloadResponse(d.type, d.summary),
        ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
      },
    });
  }
}
