import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { AppError, type ErrorCode } from "../core/errors.ts";
import { databaseErrorCode } from "../db/errors.ts";
import type { Locale } from "../i18n/locale.ts";
import { translate } from "../i18n/translate.ts";
import { errorPage, wantsErrorPage } from "./error-page.ts";

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
  if (refusedValueCodes.has(databaseErrorCode(error) ?? ""))
    return new AppError("VALIDATION_FAILED", [], { cause: error });
  return new AppError("INTERNAL", [], { cause: error });
}

/**
 * SQLSTATEs with which the database refuses a value, not a broken server: text
 * it cannot store (NUL), a malformed number or date, a value out of range. The
 * input layer cleans and checks values first; this is the net under it, so a
 * value that slipped past still gets a 400 (the transaction is rolled back).
 */
const refusedValueCodes = new Set(["22001", "22003", "22007", "22008", "22021", "22P02", "22P05"]);

export function errorBody(error: AppError, locale: Locale): ErrorBody {
  return {
    code: error.code,
    message: translate(locale, `errors.${error.code}`),
    ...(error.issues.length > 0 ? { issues: error.issues } : {}),
  };
}

export function respondError(c: Context, error: AppError, locale: Locale) {
  const body = errorBody(error, locale);
  return wantsErrorPage(c) ? errorPage(c, error, body, locale) : c.json(body, error.status);
}
