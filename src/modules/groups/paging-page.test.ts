import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";

/** The /groups page shows 50 groups a page, with a "Next page" link carrying the cursor. */
describe("the groups page, a page at a time", () => {
  let app: TestApp;
  let cookie = "";
  beforeAll(async () => {
    app = await startTestApp({ web: true });
    const person = await createPerson(app.database, "staff");
    const staff: Caller = {
      actor: { id: person.id, name: person.name, email: person.email, role: "staff" },
      locale: "fi",
    };
    cookie = await signIn(app, person.email, person.password);
    for (let n = 1; n <= 51; n++) {
      await app.platform.services.groups.create(staff, { name: `Ryhmä ${String(n).padStart(2, "0")}` });
    }
  });
  afterAll(() => app.close());

  const page = async (path: string) => (await fetch(`${app.url}${path}`, { headers: { cookie } })).text();

  it("lists the first 50 by name, links to the next page, and shows the 51st there", async () => {
    const first = await page("/groups");
    expect(first).toContain("Ryhmä 50");
    expect(first).not.toContain("Ryhmä 51");
    const next = first.match(/href="(\?cursor=[^"]+)" rel="next"/)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toBeTruthy();
    const second = await page(`/groups${next}`);
    expect(second).toContain("Ryhmä 51");
    expect(second).not.toContain("Ryhmä 50");
    expect(second).not.toContain('rel="next"');
  });
});
