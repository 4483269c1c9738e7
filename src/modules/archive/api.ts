import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors } from "../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../http/openapi.ts";
import { archiveExportListSchema, archiveExportSchema, presentArchiveExport } from "./presenters.ts";

const tags = ["Archive"];

/** /api/archive/exports: start an export of the whole workspace, follow its progress, find its download. */
export function registerArchiveApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "post",
      path: "/archive/exports",
      tags,
      summary: "Start an archive export of the whole workspace (admin)",
      description:
        "A background job writes one ZIP: every record of every module as JSON Lines with SÄHKE2-style metadata, their JSON Schema, and the stored files (docs/archive.md). Follow it with GET /api/archive/exports/{id}.",
      responses: {
        202: jsonResponse(archiveExportSchema, "The export, queued"),
        ...errorResponses(...signedInErrors),
      },
    }),
    async (c) => c.json(presentArchiveExport(await apiServices(c).archive.start(c.get("caller"))), 202),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/archive/exports",
      tags,
      summary: "The latest archive exports, newest first (admins, auditors)",
      responses: { 200: jsonResponse(archiveExportListSchema, "Exports"), ...errorResponses(...signedInErrors) },
    }),
    async (c) => c.json({ items: (await apiServices(c).archive.list(c.get("caller"))).map(presentArchiveExport) }, 200),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/archive/exports/{id}",
      tags,
      summary: "An archive export's status: records and files done of the total; the download once done",
      request: { params: idParam },
      responses: {
        200: jsonResponse(archiveExportSchema, "The export"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(presentArchiveExport(await apiServices(c).archive.get(c.get("caller"), c.req.valid("param").id)), 200),
  );
}
