import { z } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { fileResponse } from "../files/http.ts";

/** A contract document's version as a download (always an attachment: PDFs and Office files are never inline). */
export function registerCommitmentsFiles(app: Hono<AppEnv>) {
  app.get("/commitments/files/:versionId/:name", async (c) => {
    const { services } = c.get("platform");
    return fileResponse(await services.contractDocuments.download(c.get("caller"), c.req.param("versionId")));
  });
}

export function describeCommitmentsFiles(docs: DownloadDocs) {
  docs.registerPath({
    method: "get",
    path: "/commitments/files/{versionId}/{name}",
    tags: ["Contract register"],
    summary: "A version of a contract document, as a download",
    description:
      "For whoever may read the contract: staff, admins, auditors, and members whose organisation is a party. Always Content-Disposition: attachment, in the type detected from the content.",
    request: {
      params: z.object({
        versionId: z.uuid().openapi({ param: { name: "versionId", in: "path" } }),
        name: z.string().openapi({ param: { name: "name", in: "path" }, description: "For people; the id decides" }),
      }),
    },
    responses: {
      200: downloadResponse("application/octet-stream", "The file, in its detected type"),
      ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
    },
  });
}
