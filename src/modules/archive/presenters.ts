import { z } from "@hono/zod-openapi";
import { exportStatuses } from "./constants.ts";
import type { archiveExports } from "./schema.ts";

type ExportRow = typeof archiveExports.$inferSelect;

export const archiveExportSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(exportStatuses),
    requestedBy: z.string().nullable(),
    progress: z.object({
      recordsDone: z.number().int(),
      recordsTotal: z.number().int(),
      filesDone: z.number().int(),
      filesTotal: z.number().int(),
    }),
    /** Where the ZIP is, once done. */
    download: z.string().nullable(),
    sizeBytes: z.number().int().nullable(),
    sha256: z.string().nullable(),
    error: z.string().nullable(),
    createdAt: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .openapi("ArchiveExport");

export const archiveExportListSchema = z.object({ items: z.array(archiveExportSchema) }).openapi("ArchiveExportList");

export const downloadPath = (id: string) => `/archive/exports/${id}/archive.zip`;

export const presentArchiveExport = (row: ExportRow): z.infer<typeof archiveExportSchema> => ({
  id: row.id,
  status: row.status,
  requestedBy: row.requestedBy,
  progress: {
    recordsDone: row.recordsDone,
    recordsTotal: row.recordsTotal,
    filesDone: row.filesDone,
    filesTotal: row.filesTotal,
  },
  download: row.status === "done" ? downloadPath(row.id) : null,
  sizeBytes: row.sizeBytes,
  sha256: row.sha256,
  error: row.error,
  createdAt: row.createdAt.toISOString(),
  startedAt: row.startedAt?.toISOString() ?? null,
  finishedAt: row.finishedAt?.toISOString() ?? null,
});
