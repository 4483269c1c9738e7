import { z } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { translate } from "../../i18n/translate.ts";
import { csvSeparator } from "../walls/outputs/csv.ts";
import { exportFileName } from "../walls/outputs/table.ts";
import { contractsCsv, contractsXlsx } from "./contract-export.ts";

const types = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/** GET /commitments/contracts/export.csv|xlsx?folderId=&separator=: the register, streamed, in the import's layout. */
export function registerContractExportFiles(app: Hono<AppEnv>) {
  for (const extension of ["csv", "xlsx"] as const) {
    app.get(`/commitments/contracts/export.${extension}`, async (c) => {
      const caller = c.get("caller");
      const contracts = c.get("platform").services.contracts;
      const folderId = c.req.query("folderId") || undefined;
      // Refusals (not signed in, a bad folder id) before the first byte: the stream itself cannot answer 4xx.
      await contracts.listContracts(caller, { folderId, limit: 1 });
      const name = exportFileName(
        translate(caller.locale, "commitments.io.file"),
        translate(caller.locale, "commitments.io.file"),
        new Date(),
        extension,
      );
      const body =
        extension === "csv"
          ? contractsCsv(contracts, caller, csvSeparator(caller.locale, c.req.query("separator")), folderId)
          : await contractsXlsx(contracts, caller, folderId);
      return new Response(body, {
        headers: {
          "Content-Type": types[extension],
          // exportFileName leaves only ASCII letters, digits, dashes and the dot.
          "Content-Disposition": `attachment; filename="${name}"`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    });
  }
}

export function describeContractExportFiles(docs: DownloadDocs) {
  for (const extension of ["csv", "xlsx"] as const)
    docs.registerPath({
      method: "get",
      path: `/commitments/contracts/export.${extension}`,
      tags: ["Contract register"],
      summary: `The contract register as ${extension.toUpperCase()}, in the import's column layout`,
      description:
        "Every contract the caller may read (a member: their organisation's), A–Z, streamed: folder, type, name, number, diary number, parties, period, option periods, notice period, status, value in euros, metadata, titled in the caller's language. The file imports again as it is (POST /api/commitments/contracts/import)." +
        (extension === "csv" ? " ?separator=comma|semicolon (else the language's)." : ""),
      request: {
        query: z.object({
          folderId: z.uuid().optional().openapi({ description: "Only this folder's contracts" }),
          ...(extension === "csv" ? { separator: z.enum(["comma", "semicolon"]).optional() } : {}),
        }),
      },
      responses: {
        200: downloadResponse(types[extension], "The register"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
      },
    });
}
