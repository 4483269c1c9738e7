import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import type { AppEnv } from "../../../http/context.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import { receiveForm } from "../../files/multipart.ts";
import type { AttachmentTarget, UploadedFile } from "../attachments.ts";
import { attachmentSchema, attachmentsSchema, presentAttachment } from "../presenters.ts";
import { tags } from "./alliances.ts";

const uploadForm = z.object({
  file: z.instanceof(File, { error: "alliances.file.missing" }).openapi({
    type: "string",
    format: "binary",
    description: "PDF or an Office file; its type is read from its content",
  }),
});

const uploadErrors = [
  "VALIDATION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "FILE_TYPE_REFUSED",
  ...signedInErrors,
  "NOT_FOUND",
] as const;

const uploadDescription =
  "multipart/form-data with the field `file`. PDF, docx, xlsx, pptx, odt, ods, odp only (else 415 FILE_TYPE_REFUSED), up to UPLOAD_MAX_BYTES (413). The type is read from the content, never from the name; files are only ever served as downloads. The alliance's managers only (a workspace auditor reads but never attaches).";

/**
 * Reads the form as it streams in (files/multipart.ts): the file to a temporary file, stopped at UPLOAD_MAX_BYTES
 * with 413 naming the limit. Only the caller allowed to attach to the target gets this far, so nobody else can
 * make the server spool a file.
 */
async function withUpload<T>(
  c: Context<AppEnv>,
  target: AttachmentTarget,
  work: (file: UploadedFile | null) => Promise<T>,
) {
  const caller = c.get("caller");
  const attachments = apiServices(c).allianceAttachments;
  await attachments.list(caller, target); // NOT_FOUND, UNAUTHENTICATED, FORBIDDEN before any byte is read
  const { file } = await receiveForm(c.req.raw, {
    fileField: "file",
    maxFileBytes: attachments.uploadMaxBytes,
    tooLarge: () => attachments.tooLarge(caller.locale),
  });
  try {
    return await work(file);
  } finally {
    await file?.dispose();
  }
}

/** Attachments of the open books' cost entries (receipts, invoices) and of the board's decisions (signed minutes). */
export function registerAttachmentRoutes(api: ApiRouter) {
  for (const [kind, path, summary] of [
    ["costs", "/alliances/costs/{id}/attachments", "A cost entry's attachments (its receipt or invoice)"],
    ["decisions", "/alliances/decisions/{id}/attachments", "A decision's attachments (the signed minutes)"],
  ] as const) {
    const targetOf = (id: string): AttachmentTarget => (kind === "costs" ? { costEntryId: id } : { decisionId: id });
    api.openapi(
      createRoute({
        method: "get",
        path,
        tags,
        summary: `${summary}, oldest first`,
        request: { params: idParam },
        responses: { 200: jsonResponse(attachmentsSchema, "The attachments"), ...errorResponses(...writeErrors) },
      }),
      async (c) => {
        const rows = await apiServices(c).allianceAttachments.list(c.get("caller"), targetOf(c.req.valid("param").id));
        return c.json({ items: rows.map(presentAttachment) }, 200);
      },
    );
    api.openAPIRegistry.registerPath(
      createRoute({
        method: "post",
        path,
        tags,
        summary: `Attach a file: ${summary.charAt(0).toLowerCase()}${summary.slice(1)}`,
        description: uploadDescription,
        request: {
          params: idParam,
          body: { required: true, content: { "multipart/form-data": { schema: uploadForm } } },
        },
        responses: { 201: jsonResponse(attachmentSchema, "The attachment"), ...errorResponses(...uploadErrors) },
      }),
    );
    api.post(path.replace("{id}", ":id"), async (c) => {
      const target = targetOf(c.req.param("id") ?? "");
      return withUpload(c, target, async (file) => {
        const row = await apiServices(c).allianceAttachments.attach(c.get("caller"), target, file);
        return c.json(presentAttachment(row), 201);
      });
    });
  }
}
