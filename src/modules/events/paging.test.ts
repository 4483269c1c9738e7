import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import type { EventListQuery } from "./inputs.ts";

/** The events list pages by keyset: upcoming soonest first, past latest first, every event once. */
describe("events list pages", () => {
  let app: TestApp;
  let staff: Caller;
  const visitor: Caller = { actor: null, locale: "fi" };
  const created: { slug: string; date: string; isPublic: boolean }[] = [];

  beforeAll(async () => {
    app = await startTestApp();
    const person = await createPerson(app.database, "staff");
    staff = { actor: { id: person.id, name: person.name, email: person.email, role: "staff" }, locale: "fi" };
    // Three events at the very same start, so the order falls to the id (a cursor must not skip or repeat them).
    const dates = ["2016-05-01", "2017-05-01", "2017-05-01", "2017-05-01", "2018-05-01", "2040-01-01", "2041-01-01"];
    for (const [i, date] of dates.entries()) {
      const isPublic = i !== 1;
      const event = await app.platform.services.events.create(staff, {
        title: `Tilaisuus ${i}`,
        date,
        startTime: "10:00",
        endTime: "12:00",
        isPublic,
      });
      created.push({ slug: event.slug, date, isPublic });
    }
  });
  afterAll(() => app.close());

  async function everyPage(caller: Caller, query: EventListQuery) {
    const slugs: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await app.platform.services.events.list(caller, { ...query, cursor });
      expect(page.items.length).toBeLessThanOrEqual(Number(query.limit));
      slugs.push(...page.items.map((e) => e.slug));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 20);
    return slugs;
  }

  it("pages the past events latest first, the same-time ones each once", async () => {
    const slugs = await everyPage(staff, { when: "past", limit: 2 });
    const past = created.filter((e) => e.date < "2030");
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.sort()).toEqual(past.map((e) => e.slug).sort());
    const firstPage = await app.platform.services.events.list(staff, { when: "past", limit: 2 });
    expect(firstPage.items[0]?.startsAt.startsWith("2018-05-01")).toBe(true);
  });

  it("pages the upcoming events soonest first, and visitors only the public ones", async () => {
    const first = await app.platform.services.events.list(visitor, { when: "upcoming", limit: 1 });
    expect(first.items.map((e) => e.startsAt.slice(0, 10))).toEqual(["2040-01-01"]);
    expect(first.nextCursor).toBeTruthy();
    expect(await everyPage(visitor, { when: "upcoming", limit: 1 })).toHaveLength(2);
    const visible = await everyPage(visitor, { limit: 3 });
    expect(visible.sort()).toEqual(
      created
        .filter((e) => e.isPublic)
        .map((e) => e.slug)
        .sort(),
    );
  });

  it("refuses a malformed cursor, and one list's cursor on another, as a field error", async () => {
    const upcoming = await app.platform.services.events.list(staff, { when: "upcoming", limit: 1 });
    for (const cursor of ["not-a-cursor", upcoming.nextCursor ?? ""]) {
      await expect(app.platform.services.events.list(staff, { when: "past", cursor })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "cursor" }],
      });
    }
  });

  it("pages over HTTP with ?cursor=&limit=", async () => {
    const first = await api(app, "/api/events?limit=4");
    expect(first.status).toBe(200);
    const page = first.json as unknown as { items: { slug: string }[]; nextCursor: string | null };
    expect(page.items).toHaveLength(4);
    const next = await api(app, `/api/events?limit=4&cursor=${page.nextCursor}`);
    const rest = (next.json as unknown as { items: { slug: string }[]; nextCursor: string | null }).items;
    expect(rest.map((e) => e.slug)).not.toContain(page.items[0]?.slug);
    expect(page.items.length + rest.length).toBe(created.filter((e) => e.isPublic).length);
    const bad = await api(app, "/api/events?cursor=x");
    expect(bad.status).toBe(400);
    expect((bad.json as { code?: string }).code).toBe("VALIDATION_FAILED");
    expect((await api(app, "/api/events?when=someday")).status).toBe(400);
  });
});
