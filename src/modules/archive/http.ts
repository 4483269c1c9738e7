import type { Hono } from "hono";
import { idParam } from "../../http/api-common.ts";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { contentDisposition } from "../files/http.ts";

/** A finished export's ZIP, streamed from the file store a few pieces at a time as the client reads. */
export function registerArchiveDownload(app: Hono<AppEnv>) {
  app.get("/archive/exports/:id/archive.zip", async (c) => {
    const { file, name } = await c.get("platform").services.archive.download(c.get("caller"), c.req.param("id"));
    return new Response(pulled(file.pieces()), {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(file.size),
        "Content-Disposition": contentDisposition("attachment", name),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}

/** Pieces as a response body that reads the next one only when the client has taken the last (backpressure). */
function pulled(pieces: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    { highWaterMark: 1 },
  );
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
