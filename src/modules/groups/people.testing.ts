import { createPerson, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import type { Role } from "../accounts/constants.ts";

/** A new person of the role and the caller services take for them (Finnish unless told otherwise). */
export async function personCaller(app: TestApp, role: Role, name?: string, locale: Caller["locale"] = "fi") {
  const person = await createPerson(app.database, role, name ? { name } : {});
  const caller: Caller = { actor: { id: person.id, name: person.name, email: person.email, role }, locale };
  return { person, caller };
}
