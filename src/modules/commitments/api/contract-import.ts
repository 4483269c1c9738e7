import { readFile } from "node:fs/promises";
import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../../../core/errors.ts";
import { authorize } from "../../../core/policy.ts";
import { apiServices, signedInErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import { translate } from "../../../i18n/translate.ts";
import { receiveForm } from "../../files/multipart.ts";
import type { ImportFormat } from "../contract-import.ts";
import { contractImportReportSchema, presentContractImport } from "../contract-import-presenters.ts";
import { commitmentsPolicy } from "../policy.ts";
import { tags } from "./folders.ts";

const importForm = z.object({
  file: z.string().openapi({
    format: "binary",
    description:
      "CSV (UTF-8; semicolons, commas or tabs as the header row shows) or XLSX (its first sheet). Columns, titled in Finnish, Swedish or English (or by these keys): folder (an existing folder's name), type, name, number (unique in its folder), diaryNumber, parties (“Role: Name (1234567-8); …”), period (“1.1.2019 – 31.12.2019”, open-ended “1.1.2019 –”), optionPeriods (periods separated by semicolons, an exercised one ending in *), notice (“3 kk”, “3 months”, “90 days”), status, value (euros), metadata (“key=value; …”). The register's export writes this layout.",
  }),
});
const importQuery = z.object({
  dryRun: z
    .enum(["true", "false"])
    .optional()
    .openapi({ description: "true: only check, store nothing (the report lists every row's problems)" }),
});

/**
 * POST /api/commitments/contracts/import: a sheet of contracts, checked (dry run) or stored all at once. The form
 * is read as it streams in (files/multipart.ts), the file to a temporary file removed afterwards; only staff get
 * that far.
 */
export function registerContractImportRoutes(api: ApiRouter) {
  api.openAPIRegistry.registerPath(
    createRoute({
      method: "post",
      path: "/commitments/contracts/import",
      tags,
      summary: "Import contracts from CSV or XLSX (staff): a dry run, or every row in one write or nothing",
      description:
        "multipart/form-data with the file in `file`. With ?dryRun=true: 200 and the report (valid, and every problem by row and column, in the caller's language); nothing is stored. Without: 201 and what was stored, each contract audited and one audit row for the import; any problem in any row is 400 VALIDATION_FAILED with an issue per row and column (path rows.<row>.<column>) and nothing changes. A duplicate number within a folder (in the file or already in the register), an end before the start and a notice period longer than the contract are refused so.",
      request: {
        query: importQuery,
        body: { required: true, content: { "multipart/form-data": { schema: importForm } } },
      },
      responses: {
        200: jsonResponse(contractImportReportSchema, "The dry run's report"),
        201: jsonResponse(contractImportReportSchema, "What was stored"),
        ...errorResponses("VALIDATION_FAILED", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", ...signedInErrors),
      },
    }),
  );
  api.post("/commitments/contracts/import", async (c) => {
    const caller = c.get("caller");
    authorize(commitmentsPolicy, "manageContracts", caller.actor);
    const services = apiServices(c);
    const { file } = await receiveForm(c.req.raw, {
      fileField: "file",
      maxFileBytes: services.contractDocuments.uploadMaxBytes,
      tooLarge: () => services.contractDocuments.tooLarge(caller.locale),
    });
    try {
      if (!file)
        throw new AppError("VALIDATION_FAILED", [
          { path: "file", message: translate(caller.locale, "commitments.file.missing") },
        ]);
      const bytes = new Uint8Array(await readFile(file.path));
      const extension = /\.(csv|xlsx)$/i.exec(file.name)?.[1]?.toLowerCase() as ImportFormat | undefined;
      const dryRun = c.req.query("dryRun") === "true";
      const report = dryRun
        ? await services.contractImports.check(caller, bytes, extension)
        : await services.contractImports.commit(caller, bytes, extension);
      return c.json(presentContractImport(report), dryRun ? 200 : 201);
    } finally {
      await file?.dispose();
    }
  });
}
