import { OpenAPIHono, z } from "@hono/zod-openapi";
import { AppError, type ErrorCode, errorStatus } from "../core/errors.ts";
import { issueMessage } from "../core/validate.ts";
import type { AppEnv } from "./context.ts";

/** The {code, message} body every API error has. */
export const errorSchema = z
  .object({
    code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Error");

export const errorResponses = (...codes: ErrorCode[]) =>
  Object.fromEntries(
    [...new Set(codes.map((code) => errorStatus[code]))].map((status) => [
      status,
      {
        description: codes.filter((c) => errorStatus[c] === status).join(", "),
        content: { "application/json": { schema: errorSchema } },
      },
    ]),
  );

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/**
 * A router whose request validation failures become VALIDATION_FAILED with
 * messages in the caller's language, like the services' own validation.
 */
export function createApiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const locale = c.get("caller").locale;
      throw new AppError(
        "VALIDATION_FAILED",
        result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issueMessage(issue, locale) })),
      );
    },
  });
}

export type ApiRouter = ReturnType<typeof createApiRouter>;

/**
 * Where the routes outside /api are described: downloads (exports, QR codes,
 * printable pages) and stored files are plain routes at their own URLs, and
 * /api/openapi.json lists them too (openApiDocument below), without the /api
 * prefix the API router adds to its own paths.
 */
export type DownloadDocs = ApiRouter["openAPIRegistry"];

/** A download's response: bytes of one media type. */
export const downloadResponse = (mediaType: string, description: string) => ({
  description,
  content: { [mediaType]: { schema: z.string().openapi({ type: "string", format: "binary" }) } },
});

/** The API's document with the download routes merged in at their own paths. */
export function openApiDocument(
  api: ApiRouter,
  downloads: ApiRouter,
  config: Parameters<ApiRouter["getOpenAPI31Document"]>[0],
) {
  const document = api.getOpenAPI31Document(config);
  const outside = downloads.getOpenAPI31Document(config);
  return {
    ...document,
    paths: { ...document.paths, ...outside.paths },
    components: {
      ...document.components,
      schemas: { ...document.components?.schemas, ...outside.components?.schemas },
    },
  };
}
