import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Role } from "../accounts/constants.ts";

/** The front page opens for every role; the people and organisation counts only for those who may list them. */
describe("the front page for each role", () => {
  let app: TestApp;
  const cookies = new Map<Role, string>();
  beforeAll(async () => {
    app = await startTestApp({ web: true });
    for (const role of ["member", "staff", "admin", "auditor"] as const) {
      const person = await createPerson(app.database, role);
      cookies.set(role, await signIn(app, person.email, person.password));
    }
  }, 180_000);
  afterAll(() => app?.close());

  it("answers 200 to everyone, with the counts for members, staff and admins and without them for an auditor", async () => {
    for (const [role, cookie] of cookies) {
      const page = await api(app, "/", { cookie });
      expect(page.status, role).toBe(200);
      expect(page.text.includes('href="/admin/people"'), role).toBe(role !== "auditor");
    }
    expect((await api(app, "/")).status).toBe(200);
  });
});
