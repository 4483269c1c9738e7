import type { Actor, Caller } from "../core/caller.ts";
import { isLocale, type Locale, pickLocale } from "../i18n/locale.ts";
import { type Auth, sessionCookiePrefix } from "../modules/accounts/auth.ts";
import type { Role } from "../modules/accounts/schema.ts";

// better-auth's session cookie (`__Secure-` over HTTPS), see accounts/auth.ts.
const sessionCookie = new RegExp(`(?:^|;\\s*)(?:__Secure-)?${sessionCookiePrefix}\\.session_token=`);

/**
 * Whether the request carries a session cookie at all. A wall participant's request has only the participant
 * cookie: it is not looked up as a session, which costs a query per post on a busy wall.
 */
export const hasSessionCookie = (headers: Headers): boolean => sessionCookie.test(headers.get("cookie") ?? "");

/** The signed-in person behind the request's session cookie, if any. */
export async function loadActor(auth: Auth, headers: Headers): Promise<{ actor: Actor; locale: Locale } | null> {
  if (!hasSessionCookie(headers)) return null;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const user = session.user as typeof session.user & { role: Role; locale: Locale };
  return { actor: { id: user.id, name: user.name, email: user.email, role: user.role }, locale: user.locale };
}

/** The caller for a request outside Hono (the wall stream): session person and language. */
export async function callerFromHeaders(auth: Auth, headers: Headers): Promise<Caller> {
  const cookies = headers.get("cookie") ?? "";
  const chosen = /(?:^|;\s*)uudistamo_lang=(\w+)/.exec(cookies)?.[1];
  const signedIn = await loadActor(auth, headers);
  const locale = isLocale(chosen)
    ? chosen
    : (signedIn?.locale ?? pickLocale(undefined, headers.get("accept-language") ?? undefined));
  return { actor: signedIn?.actor ?? null, locale };
}
