import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "./context.ts";

// Small pieces every module's OpenAPI routes share.

/** The platform's services, for a route handler. */
export const apiServices = (c: Context<AppEnv>) => c.get("platform").services;

/** `{id}` in a path: a uuid (anything else is VALIDATION_FAILED before the handler runs). */
export const idParam = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) });

export const signedInErrors = ["UNAUTHENTICATED", "FORBIDDEN"] as const;
export const writeErrors = ["VALIDATION_FAILED", ...signedInErrors, "NOT_FOUND"] as const;
export const noContent = { 204: { description: "Done" } };
