import { AppError, isAppError } from "../../core/errors.ts";

/** The newer version that refused a save: shown to the writer beside their own text. */
export interface SectionCurrent {
  version: number;
  body: string;
  html: string;
  authorName: string;
  savedAt: Date;
}

/**
 * CONFLICT: the section has a newer version than the one the save was based on.
 * Carries that version, so the writer sees the newer text and who saved it.
 */
export class SectionConflict extends AppError {
  constructor(
    readonly current: SectionCurrent,
    message: string,
  ) {
    super("CONFLICT", [{ path: "body", message }]);
  }
}

/** Structural, like isAppError: the web bundle holds its own copy of these classes. */
export const isSectionConflict = (error: unknown): error is SectionConflict =>
  isAppError(error) && error.code === "CONFLICT" && "current" in error;
