import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { users } from "../accounts/schema.ts";

const cursorOf = (json: unknown) => Buffer.from(JSON.stringify(json)).toString("base64url");

/** People page A–Z by (name, id): namesakes neither repeat nor go missing between pages. */
describe("people pages", () => {
  let app: TestApp;
  let admin: Caller;
  let adminCookie: string;
  let expected: string[];

  beforeAll(async () => {
    app = await startTestApp({ web: true });
    const person = await createPerson(app.database, "admin", { name: "Aada Admin" });
    admin = { actor: { id: person.id, name: person.name, email: person.email, role: "admin" }, locale: "fi" };
    adminCookie = await signIn(app, person.email, person.password);
    const names = ["Virtanen Matti", "Korhonen Anna", "Nieminen Liisa", "Mäkinen Juha", "Ö", "Åberg Erik"];
    await app.database.db.insert(users).values(
      // 119 more people, many with the same name (a page boundary falls inside a run of namesakes).
      Array.from({ length: 119 }, (_, i) => ({
        id: crypto.randomUUID(),
        name: i < 60 ? "Virtanen Matti" : (names[i % names.length] ?? "x"),
        email: `person-${i}@example.test`,
        role: "member" as const,
      })),
    );
    const all = await app.database.db
      .select({ id: users.id })
      .from(users)
      .orderBy(sql`${users.name} asc, ${users.id} asc`);
    expected = all.map((r) => r.id);
    expect(expected).toHaveLength(120);
  });
  afterAll(() => app.close());

  it("gives every person exactly once, in the database's name order, in pages of 50", async () => {
    const people = app.platform.services.people;
    const seen: string[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await people.pagePeople(admin, { limit: 50, cursor });
      seen.push(...page.items.map((p) => p.id));
      sizes.push(page.items.length);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([50, 50, 20]);
    expect(seen).toEqual(expected);
    expect(await people.countPeople(admin)).toBe(120);
  });

  it("pages through the API, and refuses forged cursors with 400", async () => {
    const seen: string[] = [];
    let cursor = "";
    do {
      const response = await api(app, `/api/people?limit=30${cursor ? `&cursor=${cursor}` : ""}`, {
        cookie: adminCookie,
      });
      expect(response.status).toBe(200);
      const body = response.json as unknown as { items: { id: string; email: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((p) => p.id));
      cursor = body.nextCursor ?? "";
    } while (cursor);
    expect(seen).toEqual(expected);

    for (const forged of [
      "%%%",
      cursorOf({ s: "audit", k: "2019-03-20T10:00:00.000000Z", i: 1 }),
      cursorOf({ s: "people", k: "Virtanen\u0000Matti", i: "x" }),
      cursorOf({ s: "people", k: 5, i: "x" }),
      cursorOf({ s: "people", k: "x".repeat(501), i: "x" }),
    ]) {
      const response = await api(app, `/api/people?cursor=${encodeURIComponent(forged)}`, { cookie: adminCookie });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "cursor" }] });
    }
    expect((await api(app, "/api/people?limit=201", { cookie: adminCookie })).status).toBe(400);
  });

  it("the admin page shows the total and links to the next page without JavaScript", async () => {
    let path: string | null = "/admin/people";
    let pages = 0;
    while (path) {
      const response: Response = await fetch(new URL(path, app.url), { headers: { cookie: adminCookie } });
      expect(response.status).toBe(200);
      const html: string = await response.text();
      expect(html).toContain("120 henkilöä");
      const next: string | undefined = /<a href="([^"]+)" rel="next">Seuraava sivu<\/a>/.exec(html)?.[1];
      path = next ? `/admin/people${next.replaceAll("&amp;", "&")}` : null;
      pages += 1;
    }
    expect(pages).toBe(3);
  });

  it("the front page counts everyone (countPeople), not just a page of them", async () => {
    const response = await fetch(`${app.url}/`, { headers: { cookie: adminCookie } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<a href="/admin/people">120 henkilöä</a>');
  });
});
