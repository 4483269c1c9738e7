import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import type { Hono } from "hono";
import { idParam } from "../../http/api-common.ts";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { contentDisposition } from "../files/http.ts";

/** A finished export's ZIP, streamed from disk (never read whole into memory). */
export function registerArchiveDownload(app: Hono<AppEnv>) {
  app.get("/archive/exports/:id/archive.zip", async (c) => {
    const { file, size, name } = await c.get("platform").services.archive.download(c.get("caller"), c.req.param("id"));
    const body = Readable.toWeb(createReadStream(file, { highWaterMark: 256 * 1024 })) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(size),
        "Content-Disposition": contentDisposition("attachment", name),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}

export function describeArchiveDownload(docs: DownloadDocs) {
  docs.registerPath({
    method: "get",
    path: "/archive/exports/{id}/archive.zip",
    tags: ["Archive"],
    summary: "A finished archive export as a ZIP (admins, auditors; audited)",
    description:
      "manifest.json, schema/archive-record.schema.json, records/<module>.<table>.jsonl and files/<id>; CONFLICT while the export is not done.",
    request: { params: idParam },
    responses: {
      200: downloadResponse("application/zip", "The archive"),
      ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"),
    },
  });
}
