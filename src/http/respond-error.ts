import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { Locale } from "../i18n/locale.ts";
import { translate } from "../i18n/translate.ts";
import { AppError, type ErrorCode } from "./errors.ts";

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
}

/** Turns anything thrown into an AppError: known HTTP exceptions keep their meaning, the rest is INTERNAL. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 413) return new AppError("PAYLOAD_TOO_LARGE");
    if (error.status === 415) return new AppError("UNSUPPORTED_MEDIA_TYPE");
    if (error.status === 400) return new AppError("MALFORMED_BODY");
    if (error.status === 404) return new AppError("NOT_FOUND");
  }
  if (error instanceof SyntaxError) return new AppError("MALFORMED_BODY");
  return new AppError("INTERNAL", [], { cause: error });
}

export function errorBody(error: AppError, locale: Locale): ErrorBody {
  return {
    code: error.code,
    message: translate(locale, `errors.${error.code}`),
    ...(error.issues.length > 0 ? { issues: error.issues } : {}),
  };
}

export function respondError(c: Context, error: AppError, locale: Locale) {
  return c.json(errorBody(error, locale), error.status);
}
