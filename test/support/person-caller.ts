import type { Caller } from "../../src/core/caller.ts";
import type { Role } from "../../src/modules/accounts/constants.ts";
import { createPerson, type TestApp } from "./server.ts";

/** A new person of the role and the caller services take for them (Finnish unless told otherwise). */
export async function personCaller(app: TestApp, role: Role, name?: string, locale: Caller["locale"] = "fi") {
  const person = await createPerson(app.database, role, name ? { name } : {});
  const caller: Caller = { actor: { id: person.id, name: person.name, email: person.email, role }, locale };
  return { person, caller };
}
