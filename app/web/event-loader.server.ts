import { data } from "react-router";
import { isAppError } from "../../src/core/errors.ts";
import type { WebContext } from "../../src/http/context.ts";

/** An event page's data, or the matching error page (a private event asks visitors to sign in). */
export async function loadEvent(context: WebContext, slug: string) {
  try {
    return await context.services.events.getBySlug(context.caller, slug);
  } catch (error) {
    if (isAppError(error)) throw data(error.code, { status: error.status });
    throw error;
  }
}
