import { describe, expect, it } from "vitest";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import { useTwoInstances } from "../../../test/support/role-visitors.ts";
import { api, createPerson, signIn } from "../../../test/support/server.ts";
import { openStream } from "../../../test/support/sse.ts";

// Only in the PostgreSQL project (vitest.config.ts): two app processes share one
// PostgreSQL database, which embedded PGlite cannot do by design.
describe("two app instances on one PostgreSQL database", () => {
  const apps = useTwoInstances();

  it("delivers a post made on one instance to the streams held by the other, at once", async () => {
    const staff = await createPerson(apps.first.database, "staff");
    const cookie = await signIn(apps.first, staff.email, staff.password);
    const wall = (await api(apps.first, "/api/walls", { method: "POST", cookie, body: { title: "Kaksi palvelinta" } }))
      .json as unknown as { id: string };
    const stream = await openStream(`${apps.second.url}/api/walls/${wall.id}/events`);
    const posted = await api(apps.first, `/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Toiselta palvelimelta", idempotencyKey: "instances-test-1" },
    });
    expect(posted.status).toBe(201);
    const arrived = await stream.waitFor((e) => e.data.type === "post", 2000);
    expect(arrived.data).toMatchObject({ post: { html: "<p>Toiselta palvelimelta</p>" } });
    await stream.close();
  });

  it("keeps the other instance's first page of posts current: a post, an edit and a delete made on one show on the other", async () => {
    const staff = await createPerson(apps.first.database, "staff");
    const cookie = await signIn(apps.first, staff.email, staff.password);
    const wall = (await api(apps.first, "/api/walls", { method: "POST", cookie, body: { title: "Kopio kahdella" } }))
      .json as unknown as { id: string };
    type Page = { posts: { id: string; html: string }[]; seq: number; nextCursor: string | null };
    // The first page (the copy's), and the same list past what a copy holds (read from the database).
    const firstPage = async () => (await api(apps.second, `/api/walls/${wall.id}/posts`)).json as unknown as Page;
    const fromDatabase = async () =>
      (await api(apps.second, `/api/walls/${wall.id}/posts?limit=201`)).json as unknown as Page;
    expect((await firstPage()).posts).toEqual([]);
    const copies = apps.second.platform.services.walls.firstPages.size();
    expect(copies).toBeGreaterThan(0);
    /** The second instance's first page comes to show `expected`, and is then the database's page. */
    const shows = async (expected: (page: Page) => boolean) => {
      const deadline = Date.now() + 5000;
      for (;;) {
        const page = await firstPage();
        if (expected(page)) {
          expect(page).toEqual(await fromDatabase());
          return page;
        }
        if (Date.now() > deadline) throw new Error(`the copy did not follow: ${JSON.stringify(page)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    const writer = httpBrowser(apps.first);
    const posted = await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Ensimmäiseltä palvelimelta", idempotencyKey: "instances-copy-1" },
    });
    expect(posted.status).toBe(201);
    const id = (posted.json as unknown as { id: string }).id;
    await shows((page) => page.posts.some((p) => p.id === id && p.html === "<p>Ensimmäiseltä palvelimelta</p>"));

    expect(
      (await writer.call(`/api/posts/${id}`, { method: "PATCH", body: { body: "Korjattu *toisaalla*" } })).status,
    ).toBe(200);
    await shows((page) => page.posts.some((p) => p.id === id && p.html === "<p>Korjattu <em>toisaalla</em></p>"));

    expect((await writer.call(`/api/posts/${id}`, { method: "DELETE" })).status).toBe(204);
    const after = await shows((page) => !page.posts.some((p) => p.id === id));
    expect(after.posts).toEqual([]);
    // The second instance still holds the wall's copy.
    expect(apps.second.platform.services.walls.firstPages.size()).toBe(copies);
  });
});
