import { describe, expect, it } from "vitest";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import { api } from "../../../test/support/server.ts";
import { useAppSignedIn } from "../../../test/support/signed-in-app.ts";

let keys = 0;
const key = () => `paging-${Date.now()}-${++keys}`;

/** Keyset pages (core/pagination.ts) of the walls list and of a wall's posts, over the API. */
describe("paged walls and posts", () => {
  const session = useAppSignedIn("staff");

  it("pages the walls newest first, each wall once, and refuses a forged cursor with a clear message", async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const response = await api(session.app, "/api/walls", {
        method: "POST",
        cookie: session.cookie,
        body: { title: `Sivu ${i}` },
      });
      made.push((response.json as unknown as { id: string }).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
      const response = await api(session.app, `/api/walls?limit=2${query}`, { cookie: session.cookie });
      expect(response.status).toBe(200);
      const page = response.json as unknown as { items: { id: string }[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((w) => w.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(seen).toEqual([...made].reverse());
    expect(new Set(seen).size).toBe(seen.length);

    const forged = await api(session.app, "/api/walls?cursor=bm90LWEtY3Vyc29y", { cookie: session.cookie });
    expect(forged.status).toBe(400);
    expect(forged.json).toMatchObject({ code: "VALIDATION_FAILED" });
  });

  it("gives a wall's newest posts with the pinned ones first, and the older ones with ?cursor=", async () => {
    const response = await api(session.app, "/api/walls", {
      method: "POST",
      cookie: session.cookie,
      body: { title: "Pitkä" },
    });
    const wall = response.json as unknown as { id: string };
    const writer = httpBrowser(session.app);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const made = await writer.call(`/api/walls/${wall.id}/posts`, {
        method: "POST",
        body: { body: `Viesti ${i}`, idempotencyKey: key() },
      });
      ids.push((made.json as unknown as { id: string }).id);
    }
    const [oldest] = ids;
    await api(session.app, `/api/posts/${oldest}/moderation`, {
      method: "POST",
      cookie: session.cookie,
      body: { action: "pin", on: true },
    });
    type PostPage = { posts: { id: string; pinned: boolean }[]; nextCursor: string | null; seq: number };
    const first = (await writer.call(`/api/walls/${wall.id}/posts?limit=2`)).json as unknown as PostPage;
    expect(first.posts.map((p) => p.id)).toEqual([oldest, ids[4], ids[3]]);
    expect(first.seq).toBeGreaterThan(0);
    const second = (
      await writer.call(`/api/walls/${wall.id}/posts?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? "")}`)
    ).json as unknown as PostPage;
    expect(second.posts.map((p) => p.id)).toEqual([ids[2], ids[1]]);
    // The pinned post is not repeated on later pages, and the last page says so.
    expect(second.nextCursor).toBeNull();
  });
});
