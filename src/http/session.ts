import type { Actor } from "../core/caller.ts";
import type { Locale } from "../i18n/locale.ts";
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
