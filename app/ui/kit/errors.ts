import type { ErrorBody } from "../../../src/http/respond-error.ts";

/** The error a form's action returned, if it returned one. */
export function errorOf(actionData: unknown): ErrorBody | undefined {
  return actionData && typeof actionData === "object" && "error" in actionData
    ? (actionData as { error: ErrorBody }).error
    : undefined;
}

/** The message for one field (by its input name) in a form's error, if there is one. */
export function fieldError(error: ErrorBody | undefined, field: string): string | undefined {
  return error?.issues?.find((issue) => issue.path === field)?.message;
}

/** A field's own message: given directly, or picked from the form's error by the field's name. */
export function messageFor(error: ErrorBody | string | undefined, field: string): string | undefined {
  return typeof error === "string" ? error || undefined : fieldError(error, field);
}
