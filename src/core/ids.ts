import { z } from "zod";
import { AppError } from "./errors.ts";

/** A malformed id in a path finds nothing: NOT_FOUND, rather than a database error. */
export function assertUuid(id: string): void {
  if (!z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND");
}
