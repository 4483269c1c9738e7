import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";

/** The groups list, a page at a time by name, in the service and the API. */
describe("groups list paging", () => {
  let app: TestApp;
  let staff: Caller;
  let staffCookie = "";
  beforeAll(async () => {
    app = await startTestApp();
    const person = await createPerson(app.database, "staff");
    staff = { actor: { id: person.id, name: person.name, email: person.email, role: "staff" }, locale: "fi" };
    staffCookie = await signIn(app, person.email, person.password);
    // Two of the same name: the id keeps their order stable across pages.
    for (const name of ["Elinvoima", "Aluekehitys", "Sote", "Elinvoima", "Maakuntastrategia"]) {
      await app.platform.services.groups.create(staff, { name });
    }
  });
  afterAll(() => app.close());

  it("pages the groups by name, each exactly once, and ends with no cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await app.platform.services.groups.list(staff, { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((g) => g.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const all = await app.platform.services.groups.list(staff, { limit: 200 });
    expect(all.nextCursor).toBeNull();
    expect(seen).toEqual(all.items.map((g) => g.id));
    expect(all.items.map((g) => g.name)).toEqual([
      "Aluekehitys",
      "Elinvoima",
      "Elinvoima",
      "Maakuntastrategia",
      "Sote",
    ]);
  });

  it("answers GET /api/groups with { items, nextCursor } and refuses a forged cursor with 400", async () => {
    const first = await api(app, "/api/groups?limit=3", { cookie: staffCookie });
    expect(first.status).toBe(200);
    const body = first.json as unknown as { items: { name: string }[]; nextCursor: string | null };
    expect(body.items.map((g) => g.name)).toEqual(["Aluekehitys", "Elinvoima", "Elinvoima"]);
    const second = await api(app, `/api/groups?limit=3&cursor=${body.nextCursor}`, { cookie: staffCookie });
    expect((second.json as unknown as typeof body).items.map((g) => g.name)).toEqual(["Maakuntastrategia", "Sote"]);
    expect((second.json as unknown as typeof body).nextCursor).toBeNull();
    const forged = await api(app, "/api/groups?cursor=bm9wZQ", { cookie: staffCookie });
    expect(forged.status).toBe(400);
    expect(forged.json).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "cursor" }] });
  });

  it("pages for a member too, who sees only the public groups and their own", async () => {
    const member = await personCaller(app, "member");
    const shown = await app.platform.services.groups.create(staff, { name: "Julkinen", isPublic: true });
    const page = await app.platform.services.groups.list(member.caller, { limit: 50 });
    expect(page.items.map((g) => g.id)).toEqual([shown.id]);
  });
});
