import { z } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import type { StoredFile } from "./store.ts";

/** Images we wrote again ourselves (images.ts): the only files shown in the page rather than downloaded. */
const inlineTypes = new Set(["image/jpeg", "image/png", "image/webp", "image/gif"]);

/**
 * A stored file as an HTTP response. The browser must take the type we
 * detected (nosniff) and must never run anything from it on our origin: every
 * file other than our re-encoded images is a download (Content-Disposition:
 * attachment), PDFs too, since a PDF viewer opened inline runs the document's
 * script and forms in the app's origin's tab; and the CSP sandbox gives the
 * file an opaque origin with scripts, forms and plugins off, even when someone
 * opens its URL directly.
 */
export function fileResponse(file: StoredFile): Response {
  const inline = inlineTypes.has(file.mimeType);
  // Buffers from both drivers are backed by plain ArrayBuffers (never shared memory).
  return new Response(file.data as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", file.name),
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      // Private: a members-only wall's file must not sit in a shared cache. Ids are never reused.
      "Cache-Control": "private, max-age=31536000, immutable",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Referrer-Policy": "no-referrer",
    },
  });
}

/** RFC 6266: an ASCII fallback name and the real one in UTF-8. */
export function contentDisposition(type: "inline" | "attachment", name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** Uploaded files: the name in the URL is for people and downloads; the id decides (and who may read its post). */
export function registerFileRoute(app: Hono<AppEnv>) {
  app.get("/files/:id/:name", async (c) => {
    const { services } = c.get("platform");
    const { viewer } = services.wallCookies.viewer(c.get("caller"), c.req.header("cookie"), c.get("clientIp"));
    return fileResponse(await services.attachments.read(viewer, c.req.param("id")));
  });
}

/** The stored-file route (/files/:id/:name) in the OpenAPI document. */
export function describeFileRoute(docs: DownloadDocs) {
  docs.registerPath({
    method: "get",
    path: "/files/{id}/{name}",
    tags: ["Files"],
    summary: "A stored file (a post's attachment, or one's own upload not attached yet)",
    description:
      "Our re-encoded images are shown inline; every other file is a download (Content-Disposition: attachment). NOT_FOUND also when the caller may not read the post the file is on.",
    request: {
      params: z.object({
        id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
        name: z.string().openapi({ param: { name: "name", in: "path" }, description: "For people; the id decides" }),
      }),
    },
    responses: {
      200: downloadResponse("application/octet-stream", "The file, in its detected type"),
      ...errorResponses("NOT_FOUND"),
    },
  });
}
