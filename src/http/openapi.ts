import { OpenAPIHono, z } from "@hono/zod-openapi";
import { issueMessage } from "../core/validate.ts";
import type { AppEnv } from "./context.ts";
import { AppError, type ErrorCode, errorStatus } from "./errors.ts";

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
