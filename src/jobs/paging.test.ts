import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";
import type { Caller } from "../core/caller.ts";

/** The jobs lists page by (time, id) with keyset cursors, in the service, the API and the admin page. */
describe("jobs pages", () => {
  let app: TestApp;
  let admin: Caller;
  let cookie: string;
  let queued: string[];

  beforeAll(async () => {
    app = await startTestApp({ web: true });
    const person = await createPerson(app.database, "admin");
    admin = { actor: { id: person.id, name: person.name, email: person.email, role: "admin" }, locale: "fi" };
    cookie = await signIn(app, person.email, person.password);
    app.platform.jobs.define("test.later", async () => {});
    // 120 jobs due a minute apart from now on: they stay queued while the test runs.
    queued = await app.platform.jobs.sendPaced(
      "test.later",
      Array.from({ length: 120 }, (_, i) => ({ n: i })),
      1,
    );
    // The first is due now and may run; the other 119 wait, next due first.
    queued = queued.slice(1);
  });
  afterAll(() => app.close());

  const laterOnly = (ids: string[]) => ids.filter((id) => queued.includes(id));

  it("gives every queued job exactly once, next due first, in pages of 50", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await app.platform.services.jobs.page(admin, "queued", { limit: 50, cursor });
      seen.push(...page.items.map((job) => job.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(laterOnly(seen)).toEqual(queued);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("pages through GET /api/jobs/{list}, starting from the overview's nextCursor; refuses another list's cursor", async () => {
    const overview = await api(app, "/api/jobs?limit=40", { cookie });
    expect(overview.status).toBe(200);
    const first = overview.json as unknown as { queued: { id: string }[]; nextCursor: { queued: string | null } };
    expect(first.queued).toHaveLength(40);
    const seen = first.queued.map((job) => job.id);
    let cursor = first.nextCursor.queued ?? "";
    expect(cursor).not.toBe("");
    while (cursor) {
      const response = await api(app, `/api/jobs/queued?limit=40&cursor=${cursor}`, { cookie });
      expect(response.status).toBe(200);
      const body = response.json as unknown as { items: { id: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((job) => job.id));
      cursor = body.nextCursor ?? "";
    }
    expect(laterOnly(seen)).toEqual(queued);

    const queuedCursor = first.nextCursor.queued ?? "";
    const wrongList = await api(app, `/api/jobs/failed?cursor=${queuedCursor}`, { cookie });
    expect(wrongList.status).toBe(400);
    expect(wrongList.json).toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "cursor" }] });
    expect((await api(app, "/api/jobs/queued?cursor=forged", { cookie })).status).toBe(400);
    expect((await api(app, "/api/jobs/nothing", { cookie })).status).toBe(400);
  });

  it("the admin page links to the next page of a list without JavaScript", async () => {
    const seen: string[] = [];
    let path: string | null = "/admin/jobs";
    let pages = 0;
    while (path) {
      const response: Response = await fetch(new URL(path, app.url), { headers: { cookie } });
      expect(response.status).toBe(200);
      const html: string = await response.text();
      const section = html.slice(html.indexOf('id="jobs-queued"'), html.indexOf('id="jobs-running"'));
      seen.push(...[...section.matchAll(/<code>(test\.later)<\/code>/g)].map((m) => m[1] ?? ""));
      const next: string | undefined = /<a href="(\?list=queued[^"]+)" rel="next">/.exec(section)?.[1];
      path = next ? `/admin/jobs${next.replaceAll("&amp;", "&")}` : null;
      pages += 1;
    }
    expect(pages).toBe(3);
    // The 119 waiting jobs (and the first one too, unless it has run meanwhile), each once.
    expect(seen.length).toBeGreaterThanOrEqual(119);
    expect(seen.length).toBeLessThanOrEqual(120);

    const forged = await fetch(`${app.url}/admin/jobs?list=queued&cursor=forged`, { headers: { cookie } });
    expect(forged.status).toBe(400);
  });
});
