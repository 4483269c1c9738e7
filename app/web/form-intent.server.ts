import { data } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import { type ErrorBody, errorBody, toAppError } from "../../src/http/respond-error.ts";
import type { Locale } from "../../src/i18n/locale.ts";

export type FormFailure<Intent extends string> = { error: ErrorBody; intent: Intent };

/**
 * `attempt` for a page with several forms: a refused submission comes back with
 * the form's intent, so the page shows the error summary for that form and
 * links it to that form's fields (its FieldIdScope prefix).
 */
export async function attemptForm<Intent extends string, T>(locale: Locale, intent: Intent, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    const known = isAppError(error) ? error : toAppError(error);
    if (known.code !== "INTERNAL") {
      return data<FormFailure<Intent>>({ error: errorBody(known, locale), intent }, { status: known.status });
    }
    throw error;
  }
}
