import { data } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import { errorBody, toAppError } from "../../src/http/respond-error.ts";
import type { Locale } from "../../src/i18n/locale.ts";

/**
 * `attemptForm` that also gives back what a refused form sent (its text fields, never the file), so that without
 * JavaScript (the page rendered again from the server) the form comes back filled in, not emptied.
 */
export async function attemptKeepingForm<Intent extends string, T>(
  locale: Locale,
  intent: Intent,
  submitted: Record<string, string>,
  run: () => Promise<T>,
) {
  try {
    return await run();
  } catch (error) {
    const known = isAppError(error) ? error : toAppError(error);
    if (known.code !== "INTERNAL")
      return data({ error: errorBody(known, locale), intent, submitted }, { status: known.status });
    throw error;
  }
}
