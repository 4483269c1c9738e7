import type { Hono } from "hono";
import { lazy } from "../../core/lazy.ts";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { translate } from "../../i18n/translate.ts";
import { exportFileName } from "../walls/outputs/table.ts";

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

// The renderer loads on the first report.
const loadRenderer = lazy(() => import("./final-report-docx.ts"));

/**
 * GET /commitments/final-report.docx: the final report, compiled now. It is built whole (the docx library zips in
 * one piece; its toStream only emits that buffer): a few hundred kilobytes for an office's records, so no job.
 */
export function registerFinalReportFile(app: Hono<AppEnv>) {
  app.get("/commitments/final-report.docx", async (c) => {
    const caller = c.get("caller");
    const report = await c.get("platform").services.finalReport.compile(caller);
    const body = await (await loadRenderer()).finalReportDocx(report, caller.locale);
    const name = exportFileName(
      translate(caller.locale, "commitments.final.title"),
      translate(caller.locale, "commitments.final.file"),
      new Date(),
      "xlsx",
    ).replace(/xlsx$/, "docx");
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": docxType,
        // exportFileName leaves only ASCII letters, digits, dashes and the dot.
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}

export function describeFinalReportFile(docs: DownloadDocs) {
  docs.registerPath({
    method: "get",
    path: "/commitments/final-report.docx",
    tags: ["Ramp-down plan"],
    summary: "The final report as DOCX (staff, admins, auditors)",
    description:
      "Compiled from the platform's records at the time of the request, as the caller may see them: working groups and their deliverables, events and their published summaries, the ramp-down plan's decisions and checklist, staff returns (totals by funding source and home organisation, returns by month), the grants' use. A table of contents over the headings (a TOC field Word and LibreOffice update). In the caller's language.",
    responses: {
      200: downloadResponse(docxType, "The report"),
      ...errorResponses("UNAUTHENTICATED", "FORBIDDEN"),
    },
  });
}
