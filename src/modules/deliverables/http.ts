import { z } from "@hono/zod-openapi";
import type { Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { renderDeliverableDocx } from "./export/docx.ts";
import { renderDeliverablePptx } from "./export/pptx.ts";

const types = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
} as const;

/** The title as a file name of ASCII letters, digits and dashes ("Uuden toimintamallin kuvaus" → "uuden-toimintamallin-kuvaus"). */
export function deliverableFileName(title: string, extension: keyof typeof types): string {
  const stem =
    title
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 80)
      .replace(/-+$/, "")
      .toLowerCase() || "deliverable";
  return `${stem}.${extension}`;
}

/**
 * A deliverable as the Word document or slide deck people circulate: for
 * whoever may read it (the group's people and staff; everyone for a published
 * one). `?guidance=1` adds each section's template guidance. Mounted before
 * the web UI, so these paths never reach React Router; errors are JSON.
 */
export function registerDeliverableOutputs(app: Hono<AppEnv>) {
  for (const extension of ["docx", "pptx"] as const) {
    app.get(`/d/:id/export.${extension}`, async (c) => {
      const { services } = c.get("platform");
      const doc = await services.deliverables.exportDocument(c.get("caller"), c.req.param("id"));
      const options = { includeGuidance: c.req.query("guidance") === "1" };
      const body =
        extension === "docx" ? await renderDeliverableDocx(doc, options) : await renderDeliverablePptx(doc, options);
      return new Response(new Uint8Array(body), {
        headers: {
          "Content-Type": types[extension],
          "Content-Disposition": `attachment; filename="${deliverableFileName(doc.title, extension)}"`,
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    });
  }
}

/** The exports (mounted by registerDeliverableOutputs) in the OpenAPI document, at their own URLs. */
export function describeDeliverableOutputs(docs: DownloadDocs) {
  for (const extension of ["docx", "pptx"] as const) {
    docs.registerPath({
      method: "get",
      path: `/d/{id}/export.${extension}`,
      tags: ["Deliverables"],
      summary:
        extension === "docx" ? "The deliverable as a Word document (DOCX)" : "The deliverable as a slide deck (PPTX)",
      description:
        "In the deliverable's own language, for whoever may read it: the group's people and staff, everyone for a published deliverable of a public group. Errors are JSON.",
      request: {
        params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }),
        query: z.object({
          guidance: z
            .enum(["1"])
            .optional()
            .openapi({ description: "1: add each section's guidance from the template" }),
        }),
      },
      responses: {
        200: downloadResponse(types[extension], `The ${extension.toUpperCase()} file, as an attachment`),
        ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
      },
    });
  }
}
