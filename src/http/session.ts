import type { Actor, Caller } from "../core/caller.ts";
import { isLocale, type Locale, pickLocale } from "../i18n/locale.ts";
import type { Auth } from "../modules/accounts/auth.ts";
import type { Role } from "../modules/accounts/schema.ts";

/** The signed-in person behind the request's session cookie, if any. */
export async function loadActor(auth: Auth, headers: Headers): Promise<{ actor: Actor; locale: Locale } | null> {
  if (!headers.get("cookie")) return null;
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
