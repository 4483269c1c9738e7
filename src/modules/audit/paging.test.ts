import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { auditEvents } from "./schema.ts";

const cursorOf = (json: unknown) => Buffer.from(JSON.stringify(json)).toString("base64url");

/**
 * The audit log pages by (at, id), newest first, over the real database: every
 * row exactly once, in order, whatever the timestamps, in the service, the API
 * and the web page (plain links).
 */
describe("audit log pages", () => {
  let app: TestApp;
  let admin: Caller;
  let adminCookie: string;
  let expected: number[];

  beforeAll(async () => {
    app = await startTestApp({ web: true });
    const person = await createPerson(app.database, "admin", { name: "Arja Arkistonhoitaja" });
    admin = { actor: { id: person.id, name: person.name, email: person.email, role: "admin" }, locale: "fi" };
    adminCookie = await signIn(app, person.email, person.password);
    const db = app.database.db;
    await db.delete(auditEvents);
    const row = (i: number) => ({ actorId: null, module: "paging", action: `row.${i}`, targetType: "test" });
    // 40 rows written in one instant (one transaction's now()), as a bulk change does.
    await db
      .insert(auditEvents)
      .values(Array.from({ length: 40 }, (_, i) => ({ ...row(i), at: new Date("2019-03-20T08:00:00Z") })));
    // 40 rows within one millisecond, microseconds apart, later ids being earlier: a cursor rounded to
    // JavaScript's milliseconds would skip or repeat them.
    await db.insert(auditEvents).values(Array.from({ length: 40 }, (_, i) => ({ ...row(40 + i), at: new Date(0) })));
    await db.execute(
      sql`update audit_events set at = timestamptz '2019-03-20 10:00:00.123+00' + (1000 - id) * interval '1 microsecond' where at = 'epoch'`,
    );
    // 40 rows at times unrelated to their ids.
    await db
      .insert(auditEvents)
      .values(
        Array.from({ length: 40 }, (_, i) => ({ ...row(80 + i), at: new Date(Date.UTC(2019, 2, 1 + ((i * 7) % 40))) })),
      );
    const all = await db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .orderBy(sql`${auditEvents.at} desc, ${auditEvents.id} desc`);
    expected = all.map((r) => r.id);
    expect(expected).toHaveLength(120);
  });
  afterAll(() => app.close());

  it("gives every one of 120 rows exactly once, in order, in pages of 50", async () => {
    const audit = app.platform.services.audit;
    const seen: number[] = [];
    const sizes: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await audit.list(admin, { limit: 50, cursor });
      seen.push(...page.items.map((e) => e.id));
      sizes.push(page.items.length);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(sizes).toEqual([50, 50, 20]);
    expect(seen).toEqual(expected);
  });

  it("pages the same way with a filter and with small pages", async () => {
    const audit = app.platform.services.audit;
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await audit.list(admin, { module: "paging", limit: 7, cursor });
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(18);
    expect(seen).toEqual(expected);
    // A page that ends exactly on the last row says there is no next page.
    const exact = await audit.list(admin, { limit: 120 });
    expect(exact.items).toHaveLength(120);
    expect(exact.nextCursor).toBeNull();
  });

  it("pages through the API with ?cursor=", async () => {
    const seen: number[] = [];
    let cursor = "";
    do {
      const response = await api(app, `/api/audit?limit=50${cursor ? `&cursor=${cursor}` : ""}`, {
        cookie: adminCookie,
      });
      expect(response.status).toBe(200);
      const body = response.json as unknown as { items: { id: number }[]; nextCursor: string | null };
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor ?? "";
    } while (cursor);
    expect(seen).toEqual(expected);
  });

  it.each([
    ["not base64 JSON", "not-a-cursor!"],
    ["JSON of the wrong shape", cursorOf({ hello: "world" })],
    ["another list's cursor", cursorOf({ s: "people", k: "Aino", i: "x" })],
    ["a date that does not exist", cursorOf({ s: "audit", k: "2019-02-31T10:00:00.000000Z", i: 1 })],
    ["year zero", cursorOf({ s: "audit", k: "0000-01-01T00:00:00.000000Z", i: 1 })],
    ["a timestamp without microseconds", cursorOf({ s: "audit", k: "2019-03-20T10:00:00Z", i: 1 })],
    ["SQL in the key", cursorOf({ s: "audit", k: "2019-03-20T10:00:00.000000Z'); drop table users; --", i: 1 })],
    ["a fractional id", cursorOf({ s: "audit", k: "2019-03-20T10:00:00.000000Z", i: 1.5 })],
    ["an id beyond bigint", cursorOf({ s: "audit", k: "2019-03-20T10:00:00.000000Z", i: 1e300 })],
    ["a text id", cursorOf({ s: "audit", k: "2019-03-20T10:00:00.000000Z", i: "1" })],
    ["padding added to a real cursor", `${cursorOf({ s: "audit", k: "2019-03-20T10:00:00.000000Z", i: 1 })}=`],
  ])("refuses a forged cursor (%s) with 400 VALIDATION_FAILED, in the caller's language", async (_, cursor) => {
    const response = await api(app, `/api/audit?cursor=${encodeURIComponent(cursor)}`, { cookie: adminCookie });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [
        { path: "cursor", message: "Sivutuslinkki on virheellinen tai vanhentunut. Aloita ensimmäiseltä sivulta." },
      ],
    });
  });

  it("refuses a cursor longer than any real one", async () => {
    const response = await api(app, `/api/audit?cursor=${"A".repeat(2000)}`, { cookie: adminCookie });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("the web page links to the next page with plain links that keep the filter, and refuses a forged cursor", async () => {
    const seen: string[] = [];
    let path: string | null = "/admin/audit?module=paging";
    let pages = 0;
    while (path) {
      const response: Response = await fetch(new URL(path, app.url), { headers: { cookie: adminCookie } });
      expect(response.status).toBe(200);
      const html: string = await response.text();
      seen.push(...[...html.matchAll(/<code[^>]*>(row\.\d+)<\/code>/g)].map((m) => m[1] ?? ""));
      const next: string | undefined = /<a href="([^"]+)" rel="next">Vanhemmat merkinnät<\/a>/.exec(html)?.[1];
      if (pages > 0) expect(html).toContain('href="?module=paging">Ensimmäinen sivu</a>');
      path = next ? `/admin/audit${next.replaceAll("&amp;", "&")}` : null;
      if (path) expect(path).toContain("module=paging");
      pages += 1;
    }
    expect(pages).toBe(3);
    const byId = new Map(
      (await app.database.db.select({ id: auditEvents.id, action: auditEvents.action }).from(auditEvents)).map((r) => [
        r.id,
        r.action,
      ]),
    );
    expect(seen).toEqual(expected.map((id) => byId.get(id)));

    const forged = await fetch(`${app.url}/admin/audit?cursor=forged`, { headers: { cookie: adminCookie } });
    expect(forged.status).toBe(400);
  });
});
