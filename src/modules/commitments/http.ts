import { z } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { translate } from "../../i18n/translate.ts";
import { fileResponse } from "../files/http.ts";
import { csvSeparator, toCsv } from "../walls/outputs/csv.ts";
import { exportFileName } from "../walls/outputs/table.ts";
import { toXlsx } from "../walls/outputs/xlsx.ts";
import { grantReportDocx, grantReportTables } from "./grant-report.ts";

const reportTypes = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** A contract document's version as a download (always an attachment: PDFs and Office files are never inline). */
export function registerCommitmentsFiles(app: Hono<AppEnv>) {
  app.get("/commitments/files/:versionId/:name", async (c) => {
    const { services } = c.get("platform");
    return fileResponse(await services.contractDocuments.download(c.get("caller"), c.req.param("versionId")));
  });
  // A grant's report: the entries as CSV; the summary, the costs by category and the entries as XLSX and DOCX.
  for (const extension of ["csv", "xlsx", "docx"] as const) {
    app.get(`/commitments/grants/:id/report.${extension}`, async (c) => {
      const caller = c.get("caller");
      const report = await c.get("platform").services.grants.report(caller, c.req.param("id"));
      const title = translate(caller.locale, "commitments.report.title", { name: report.grant.name });
      const name = exportFileName(
        report.grant.name,
        translate(caller.locale, "commitments.report.file"),
        new Date(),
        "xlsx",
      ).replace(/xlsx$/, extension);
      const body =
        extension === "docx"
          ? await grantReportDocx(report, caller.locale)
          : extension === "xlsx"
            ? await toXlsx(grantReportTables(report, caller.locale), caller.locale, title)
            : toCsv(
                grantReportTables(report, caller.locale, true)[0] ?? { name: "", rows: [] },
                caller.locale,
                csvSeparator(caller.locale, c.req.query("separator")),
              );
      return new Response(new Uint8Array(body), {
        headers: {
          "Content-Type": reportTypes[extension],
          // exportFileName leaves only ASCII letters, digits, dashes and the dot.
          "Content-Disposition": `attachment; filename="${name}"`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    });
  }
}

export function describeCommitmentsFiles(docs: DownloadDocs) {
  docs.registerPath({
    method: "get",
    path: "/commitments/files/{versionId}/{name}",
    tags: ["Contract register"],
    summary: "A version of a contract document, as a download",
    description:
      "For whoever may read the contract: staff, admins, auditors, and members whose organisation is a party. Always Content-Disposition: attachment, in the type detected from the content.",
    request: {
      params: z.object({
        versionId: z.uuid().openapi({ param: { name: "versionId", in: "path" } }),
        name: z.string().openapi({ param: { name: "name", in: "path" }, description: "For people; the id decides" }),
      }),
    },
    responses: {
      200: downloadResponse("application/octet-stream", "The file, in its detected type"),
      ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
    },
  });
  for (const [extension, description] of [
    [
      "csv",
      "The cost entries (date, category, description, commitment date, amount in euros, eligible, rule); ?separator=comma|semicolon",
    ],
    [
      "xlsx",
      "Sheets: the summary (amount, own share, eligible and ineligible costs, grant used, remaining, to return), costs by category, every entry with its rule",
    ],
    ["docx", "The same as a Word document"],
  ] as const)
    docs.registerPath({
      method: "get",
      path: `/commitments/grants/{id}/report.${extension}`,
      tags: ["Grants"],
      summary: `A grant's report as ${extension.toUpperCase()} (staff, admins, auditors)`,
      description,
      request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
      responses: {
        200: downloadResponse(reportTypes[extension], "The report"),
        ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
      },
    });
}
