import type { Locale, Role } from "../modules/accounts/constants.ts";

/** The signed-in person making a request, as services see them. */
export interface Actor {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** Who is asking, in which language: the first argument of every service call. */
export interface Caller {
  actor: Actor | null;
  locale: Locale;
}
