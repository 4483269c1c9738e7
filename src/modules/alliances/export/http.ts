import { z } from "@hono/zod-openapi";
import type { Hono } from "hono";
import { lazy } from "../../../core/lazy.ts";
import type { AppEnv } from "../../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../../http/openapi.ts";
import { translate } from "../../../i18n/translate.ts";
import { exportFileName } from "../../walls/outputs/table.ts";

const types = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

// The writers (and exceljs, docx behind them) load on the first download.
const loadBooks = lazy(() => import("./books-xlsx.ts"));
const loadSettlementXlsx = lazy(() => import("./settlement-xlsx.ts"));
const loadSettlementDocx = lazy(() => import("./settlement-docx.ts"));

function download(body: Buffer, extension: keyof typeof types, fileName: string): Response {
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": types[extension],
      // exportFileName leaves only ASCII letters, digits, dashes and the dot.
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

const nameOf = (title: string, fallback: string, extension: keyof typeof types) =>
  exportFileName(title, fallback, new Date(), "xlsx").replace(/xlsx$/, extension);

/**
 * An alliance's downloads, mounted before the web UI, for whoever may read the alliance (its parties'
 * representatives and managers): the open books and a settlement as XLSX, a settlement as DOCX for the minutes.
 */
export function registerAllianceDownloads(app: Hono<AppEnv>) {
  app.get("/alliances/:id/books.xlsx", async (c) => {
    const caller = c.get("caller");
    const books = await c.get("platform").services.allianceBooks.openBooks(caller, c.req.param("id"));
    const body = await (await loadBooks()).openBooksXlsx(books, caller.locale);
    return download(
      body,
      "xlsx",
      nameOf(books.alliance.name, translate(caller.locale, "alliances.export.booksFile"), "xlsx"),
    );
  });
  for (const extension of ["xlsx", "docx"] as const) {
    app.get(`/alliances/settlements/:id/export.${extension}`, async (c) => {
      const caller = c.get("caller");
      const services = c.get("platform").services;
      const view = await services.allianceSettlements.get(caller, c.req.param("id"));
      const alliance = (await services.alliances.get(caller, view.row.allianceId)).alliance;
      const fileTitle = `${alliance.name} ${view.row.year} v${view.row.version}`;
      const fallback = translate(caller.locale, "alliances.export.settlementFile");
      if (extension === "xlsx") {
        const body = await (await loadSettlementXlsx()).settlementXlsx(view, alliance.name, caller.locale);
        return download(body, "xlsx", nameOf(fileTitle, fallback, "xlsx"));
      }
      const decision = view.row.decisionId
        ? (await services.allianceDecisions.list(caller, alliance.id)).find((d) => d.id === view.row.decisionId)
        : undefined;
      const body = await (await loadSettlementDocx()).settlementDocx(
        view,
        alliance,
        decision?.decidedOn ?? null,
        caller.locale,
      );
      return download(body, "docx", nameOf(fileTitle, fallback, "docx"));
    });
  }
}

const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

/** The downloads above in the OpenAPI document, at their own URLs. */
export function describeAllianceDownloads(docs: DownloadDocs) {
  const downloads = [
    {
      path: "/alliances/{id}/books.xlsx",
      type: types.xlsx,
      summary: "The open books as an Excel workbook: a summary, then a sheet per year and party",
      description:
        "For the alliance's parties' representatives and managers. Each year-and-party sheet lists its budget lines and cost entries (the inputs) and their totals as formulas (SUM, SUMIF over the entries counting toward the target) with the results cached; the summary's figures are formulas pointing at those totals.",
    },
    {
      path: "/alliances/settlements/{id}/export.xlsx",
      type: types.xlsx,
      summary: "A settlement as an Excel workbook: a sheet per year it covers",
      description:
        "Each sheet has the year's figures: the inputs (target, reimbursed cost, fee, the band and cap rules' results) and the rest as formulas over them (actual, difference, gain, pain, the owners' payment), each provider's and owner's part with their sum, and every step of the rule in words.",
    },
    {
      path: "/alliances/settlements/{id}/export.docx",
      type: types.docx,
      summary: "A settlement as a Word document for the board's minutes",
      description:
        "The alliance, year, version and status (with the approving decision's day), the year's figures, each party's amount and the rule's steps, in the caller's language.",
    },
  ];
  for (const d of downloads)
    docs.registerPath({
      method: "get",
      path: d.path,
      tags: ["Alliances"],
      summary: d.summary,
      description: d.description,
      request: { params: idParam },
      responses: {
        200: downloadResponse(d.type, d.summary),
        ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
      },
    });
}
