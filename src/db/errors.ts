/** True for PostgreSQL's unique_violation (23505), from either driver, however Drizzle wrapped it. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

/** Runs a write; a unique-constraint clash becomes the caller's own error. */
export async function rethrowUniqueViolation<T>(write: () => Promise<T>, asError: () => Error): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw asError();
    throw error;
  }
}
