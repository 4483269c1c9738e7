import { data, redirect } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import { type ErrorBody, errorBody, toAppError } from "../../src/http/respond-error.ts";
import type { Locale } from "../../src/i18n/locale.ts";

export type ActionFailure = { error: ErrorBody };

/**
 * Runs a form's service call. A known error comes back as data for the form to
 * show, with the matching HTTP status; anything else goes to the error boundary.
 */
export async function attempt<T>(locale: Locale, run: () => Promise<T>) {
  try {
    return await run();
  } catch (error) {
    // A value the database refused (see toAppError) is bad input too, never an error page.
    const known = isAppError(error) ? error : toAppError(error);
    if (known.code !== "INTERNAL") {
      return data<ActionFailure>({ error: errorBody(known, locale) }, { status: known.status });
    }
    throw error;
  }
}

/** A form's text fields as a plain object, for the services' Zod schemas. */
export async function formFields(request: Request): Promise<Record<string, string>> {
  return fieldsOf(await request.formData());
}

export function fieldsOf(form: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of form) if (typeof value === "string") fields[key] = value;
  return fields;
}

/** Loaders of signed-in pages: send a visitor to sign in and come back. */
export function requireSignIn(request: Request, actor: unknown): void {
  if (actor) return;
  const url = new URL(request.url);
  throw redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
}

/** Runs a loader's service call; FORBIDDEN and NOT_FOUND become the matching error page. */
export async function load<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isAppError(error)) throw data(error.code, { status: error.status });
    throw error;
  }
}
