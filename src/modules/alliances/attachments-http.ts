import { z } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { fileResponse } from "../files/http.ts";

/** An attachment of a cost entry or a decision as a download (always an attachment: PDFs are never inline). */
export function registerAttachmentFiles(app: Hono<AppEnv>) {
  app.get("/alliances/attachments/:id/:name", async (c) => {
    const { services } = c.get("platform");
    return fileResponse(await services.allianceAttachments.download(c.get("caller"), c.req.param("id")));
  });
}

export function describeAttachmentFiles(docs: DownloadDocs) {
  docs.registerPath({
    method: "get",
    path: "/alliances/attachments/{id}/{name}",
    tags: ["Alliances"],
    summary: "An attachment of a cost entry or a decision, as a download",
    description:
      "For the alliance's parties' representatives and managers. Always Content-Disposition: attachment, in the type detected from the content.",
    request: {
      params: z.object({
        id: z.uuid().openapi({ param: { name: "id", in: "path" } }),
        name: z.string().openapi({ param: { name: "name", in: "path" }, description: "For people; the id decides" }),
      }),
    },
    responses: {
      200: downloadResponse("application/octet-stream", "The file, in its detected type"),
      ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
    },
  });
}
