import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { authorize } from "../../../core/policy.ts";
import { apiServices, idParam, signedInErrors } from "../../../http/api-common.ts";
import type { AppEnv } from "../../../http/context.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../../http/openapi.ts";
import { receiveForm } from "../../files/multipart.ts";
import { documentKinds } from "../constants.ts";
import type { UploadedFile } from "../documents.ts";
import { documentsPageInput } from "../documents.ts";
import { commitmentsPolicy } from "../policy.ts";
import { documentSchema, documentsPageSchema, presentDocument, presentDocumentsPage } from "../presenters.ts";
import { tags } from "./folders.ts";

const fileField = z.instanceof(File, { error: "commitments.file.missing" }).openapi({
  type: "string",
  format: "binary",
  description: "PDF or an Office file; its type is read from its content",
});

const documentForm = z.object({
  file: fileField,
  kind: z.enum(documentKinds).openapi({ description: "signed: the signed contract; annex: an annex" }),
  title: z.string(),
  note: z.string().optional(),
});
const versionForm = z.object({ file: fileField, note: z.string().optional() });

const uploadErrors = [
  "VALIDATION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "FILE_TYPE_REFUSED",
  ...signedInErrors,
  "NOT_FOUND",
] as const;

const uploadDescription =
  "multipart/form-data. PDF, docx, xlsx, pptx, odt, ods, odp only (else 415 FILE_TYPE_REFUSED; macro-enabled and legacy binary Office files are refused), up to UPLOAD_MAX_BYTES (413). The type is read from the content, never from the name; files are only ever served as downloads.";

/**
 * Reads the form as it streams in (files/multipart.ts): the file to a temporary file, stopped at UPLOAD_MAX_BYTES
 * with 413 naming the limit. The router's form validator is not used for these routes (it would hold the body
 * whole several times over); the service parses the fields once. Only staff get this far, so nobody else can
 * make the server spool a file.
 */
async function withUpload<T>(
  c: Context<AppEnv>,
  work: (fields: Record<string, string>, file: UploadedFile | null) => Promise<T>,
) {
  const caller = c.get("caller");
  authorize(commitmentsPolicy, "manageContracts", caller.actor);
  const documents = apiServices(c).contractDocuments;
  const { fields, file } = await receiveForm(c.req.raw, {
    fileField: "file",
    maxFileBytes: documents.uploadMaxBytes,
    tooLarge: () => documents.tooLarge(caller.locale),
  });
  try {
    return await work(fields, file);
  } finally {
    await file?.dispose();
  }
}

/** Documents on a contract: the signed contract and annexes, each with versions. */
export function registerDocumentRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/contracts/{id}/documents",
      tags,
      summary: "A contract's documents, oldest first, each with its versions (newest first)",
      request: { params: idParam, query: documentsPageInput },
      responses: {
        200: jsonResponse(documentsPageSchema, "A page of documents"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentDocumentsPage(
          await apiServices(c).contractDocuments.list(c.get("caller"), c.req.valid("param").id, c.req.valid("query")),
        ),
        200,
      ),
  );

  api.openAPIRegistry.registerPath(
    createRoute({
      method: "post",
      path: "/commitments/contracts/{id}/documents",
      tags,
      summary: "Upload a document (the signed contract or an annex) as its first version (staff)",
      description: uploadDescription,
      request: {
        params: idParam,
        body: { required: true, content: { "multipart/form-data": { schema: documentForm } } },
      },
      responses: { 201: jsonResponse(documentSchema, "The new document"), ...errorResponses(...uploadErrors) },
    }),
  );
  api.post("/commitments/contracts/:id/documents", (c) =>
    withUpload(c, async (fields, file) => {
      const input = { kind: fields.kind, title: fields.title, note: fields.note ?? "" };
      const view = await apiServices(c).contractDocuments.create(c.get("caller"), c.req.param("id"), input, file);
      return c.json(presentDocument(view), 201);
    }),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/commitments/documents/{id}",
      tags,
      summary: "A document with its versions (newest first)",
      request: { params: idParam },
      responses: {
        200: jsonResponse(documentSchema, "The document"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(
        presentDocument(await apiServices(c).contractDocuments.get(c.get("caller"), c.req.valid("param").id)),
        200,
      ),
  );

  api.openAPIRegistry.registerPath(
    createRoute({
      method: "post",
      path: "/commitments/documents/{id}/versions",
      tags,
      summary: "Upload a new version of a document (staff); the earlier versions stay",
      description: uploadDescription,
      request: {
        params: idParam,
        body: { required: true, content: { "multipart/form-data": { schema: versionForm } } },
      },
      responses: {
        201: jsonResponse(documentSchema, "The document with its versions"),
        ...errorResponses(...uploadErrors),
      },
    }),
  );
  api.post("/commitments/documents/:id/versions", (c) =>
    withUpload(c, async (fields, file) => {
      const input = { note: fields.note ?? "" };
      const view = await apiServices(c).contractDocuments.addVersion(c.get("caller"), c.req.param("id"), input, file);
      return c.json(presentDocument(view), 201);
    }),
  );
}
