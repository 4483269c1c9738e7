import { afterAll, beforeAll } from "vitest";
import type { Caller } from "../../src/core/caller.ts";
import type { Who } from "./policy-matrix.ts";
import { createPerson, signIn, startTestApp, type TestApp } from "./server.ts";

/**
 * For a test file that calls things as each kind of visitor: the real app, and an
 * anonymous visitor, a member, staff and an admin, each as a service caller and as
 * a signed-in cookie. Started before the file's tests, closed after them.
 */
export function useAppAsEachRole(): {
  app: TestApp;
  callers: Record<Who, Caller>;
  cookies: Record<Who, string | undefined>;
} {
  const visitors = {
    app: undefined as unknown as TestApp,
    callers: {} as Record<Who, Caller>,
    cookies: {} as Record<Who, string | undefined>,
  };
  beforeAll(async () => {
    visitors.app = await startTestApp();
    visitors.callers.anonymous = { actor: null, locale: "fi" };
    for (const role of ["member", "staff", "admin"] as const) {
      const p = await createPerson(visitors.app.database, role);
      visitors.callers[role] = { actor: { id: p.id, name: p.name, email: p.email, role }, locale: "fi" };
      visitors.cookies[role] = await signIn(visitors.app, p.email, p.password);
    }
  });
  afterAll(() => visitors.app.close());
  return visitors;
}

/**
 * Two app instances on one PostgreSQL database (the PostgreSQL project only: PGlite cannot share a database),
 * started before the file's tests and closed after them.
 */
export function useTwoInstances(): { first: TestApp; second: TestApp } {
  const apps = { first: undefined as unknown as TestApp, second: undefined as unknown as TestApp };
  beforeAll(async () => {
    apps.first = await startTestApp();
    apps.second = await startTestApp({ sameDatabaseAs: apps.first });
  });
  afterAll(async () => {
    await apps.second.close();
    await apps.first.close();
  });
  return apps;
}
