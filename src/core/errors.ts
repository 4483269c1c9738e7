import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Stable error codes. Clients match on the code, never on the message; the
 * message is translated for the caller's language.
 */
export const errorStatus = {
  /** Input failed validation; `issues` says which fields. Fix the input and retry. */
  VALIDATION_FAILED: 400,
  /** The body is not valid JSON or form data. */
  MALFORMED_BODY: 400,
  /** Sign-in is needed. */
  UNAUTHENTICATED: 401,
  /** E-mail or password is wrong; deliberately does not say which. */
  INVALID_CREDENTIALS: 401,
  /** Signed in, but the policy does not allow this. */
  FORBIDDEN: 403,
  /** The cross-site request check failed (missing or foreign Origin). */
  CSRF_REJECTED: 403,
  /** The wall is open only to holders of its join code; ask for it. */
  JOIN_CODE_REQUIRED: 403,
  /** No such route or record (or one the caller may not know exists). */
  NOT_FOUND: 404,
  /** The record changed or already exists; reload and retry. */
  CONFLICT: 409,
  /** The wall is closed: it can be read but not written to. */
  WALL_CLOSED: 409,
  /** A link (invitation, password reset) has expired or been used. */
  LINK_EXPIRED: 410,
  /** The body exceeds BODY_MAX_BYTES or UPLOAD_MAX_BYTES. */
  PAYLOAD_TOO_LARGE: 413,
  /** The body's Content-Type is not one this endpoint takes (JSON, or multipart for uploads). */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** An uploaded file's content is not a type we take, whatever its name or claimed type; `issues` says which are. */
  FILE_TYPE_REFUSED: 415,
  /** An uploaded image does not decode, or is over a limit (pixels, frames, processing time); `issues` names it. */
  UNPROCESSABLE_FILE: 422,
  /** Too many requests; wait and retry. */
  RATE_LIMITED: 429,
  /** A bug or an outage; the log has the details. */
  INTERNAL: 500,
  /** The database is not reachable. */
  UNAVAILABLE: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldIssue {
  path: string;
  message: string;
}

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    readonly issues: FieldIssue[] = [],
    options?: { cause?: unknown },
  ) {
    super(code, options);
  }

  get status(): ContentfulStatusCode {
    return errorStatus[this.code];
  }
}

/**
 * Structural, not instanceof: the web bundle and the server each hold their own
 * copy of this class.
 */
export const isAppError = (e: unknown): e is AppError =>
  e instanceof Error && e.name === "AppError" && typeof (e as { code?: unknown }).code === "string";
