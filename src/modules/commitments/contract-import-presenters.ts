import { z } from "@hono/zod-openapi";
import type { ContractImportReport } from "./contract-import.ts";
import { contractColumns } from "./contract-import-columns.ts";

/** A contract import's report: every refusal by row and column, and the contracts a commit stores (or stored). */
export const contractImportReportSchema = z
  .object({
    rows: z.number().int().openapi({ description: "The file's rows below the header (empty rows left out)" }),
    valid: z.boolean().openapi({ description: "Whether a commit would store every row" }),
    stored: z.number().int().openapi({ description: "How many were stored: 0 in a dry run" }),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({ description: "As the spreadsheet numbers it: the header is row 1" }),
        field: z.enum(["file", ...contractColumns]),
        message: z.string().openapi({ description: "In the caller's language" }),
      }),
    ),
    contracts: z.array(z.object({ row: z.number().int(), folder: z.string(), number: z.string(), name: z.string() })),
  })
  .openapi("ContractImportReport");

export const presentContractImport = (r: ContractImportReport): z.infer<typeof contractImportReportSchema> => ({
  rows: r.rows,
  valid: r.valid,
  stored: r.stored,
  errors: r.errors,
  contracts: r.contracts.map(({ row, folder, number, name }) => ({ row, folder, number, name })),
});
