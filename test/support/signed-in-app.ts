import { afterAll, beforeAll } from "vitest";
import type { Role } from "../../src/modules/accounts/constants.ts";
import { createPerson, signIn, startTestApp, type TestApp } from "./server.ts";

/**
 * For a test file that calls the API as one signed-in person: the real app and
 * the session cookie of a new person of the role. Started before the file's
 * tests, closed after them; read it in the tests (`session.app`), not when the
 * block is declared. useAppAsEachRole is the same for every role at once.
 */
export function useAppSignedIn(role: Role): { app: TestApp; cookie: string } {
  const session = { app: undefined as unknown as TestApp, cookie: "" };
  beforeAll(async () => {
    session.app = await startTestApp();
    const person = await createPerson(session.app.database, role);
    session.cookie = await signIn(session.app, person.email, person.password);
  });
  afterAll(() => session.app?.close());
  return session;
}
