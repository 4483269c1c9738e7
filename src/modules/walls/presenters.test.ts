import { describe, expect, it } from "vitest";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import { api } from "../../../test/support/server.ts";
import { useAppSignedIn } from "../../../test/support/signed-in-app.ts";
import { openStream } from "../../../test/support/sse.ts";
import { changeFrameSchema, openedWallSchema, postSchema, viewerPostSchema } from "./presenters.ts";

let keys = 0;
const key = () => `presenters-${Date.now()}-${++keys}`;

/** The presenters' Zod schemas are the one shape of a wall and a post: in the API, its document and the live stream. */
describe("wall output schemas", () => {
  const session = useAppSignedIn("staff");

  it("sends the live stream's frames in the presenters' shapes, byte for byte (nothing added, nothing left out)", async () => {
    const made = await api(session.app, "/api/walls", {
      method: "POST",
      cookie: session.cookie,
      body: { title: "Skeema" },
    });
    const wall = made.json as unknown as { id: string };
    const moderator = await openStream(`${session.app.url}/api/walls/${wall.id}/events`, { cookie: session.cookie });
    const reader = httpBrowser(session.app);
    await reader.call(`/api/walls/${wall.id}/posts`);
    const publicStream = await openStream(`${session.app.url}/api/walls/${wall.id}/events`, { cookie: reader.cookie });
    const writer = httpBrowser(session.app);
    const created = await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Muoto **tarkistetaan**", kind: "question", idempotencyKey: key() },
    });
    const id = (created.json as unknown as { id: string }).id;
    // Every change type: a post, an edit, reactions, a report, a settings change, a hide (removed for the public).
    await writer.call(`/api/posts/${id}`, { method: "PATCH", body: { body: "Muokattu" } });
    await reader.call(`/api/posts/${id}/reactions`, { method: "POST", body: { kind: "upvote" } });
    await reader.call(`/api/posts/${id}/reports`, { method: "POST", body: { reason: "" } });
    await api(session.app, `/api/walls/${wall.id}`, {
      method: "PATCH",
      cookie: session.cookie,
      body: { description: "Uusi" },
    });
    await api(session.app, `/api/posts/${id}/moderation`, {
      method: "POST",
      cookie: session.cookie,
      body: { action: "hide" },
    });
    await moderator.waitFor((e) => e.data.type === "post" && (e.data.post as { status: string }).status === "hidden");
    await publicStream.waitFor((e) => e.data.type === "post.removed");

    const types = new Set<string>();
    for (const event of [...moderator.events, ...publicStream.events]) {
      const parsed = changeFrameSchema.parse(event.data);
      // The log keeps frames as jsonb (its own key order): the same keys and values, and not one byte more.
      expect(parsed).toStrictEqual(event.data);
      expect(JSON.stringify(parsed).length).toBe(JSON.stringify(event.data).length);
      types.add(parsed.type);
    }
    expect([...types].sort()).toEqual(["post", "post.removed", "reactions", "wall"]);
    await moderator.close();
    await publicStream.close();

    // The API's answers are the same shapes.
    const opened = await reader.call(`/api/walls/${wall.id}`);
    expect(JSON.stringify(openedWallSchema.parse(opened.json))).toBe(JSON.stringify(opened.json));
    const listed = await reader.call(`/api/walls/${wall.id}/posts`);
    const posts = (listed.json as unknown as { posts: unknown[] }).posts;
    for (const post of posts) expect(JSON.stringify(viewerPostSchema.parse(post))).toBe(JSON.stringify(post));
    expect(JSON.stringify(postSchema.parse(created.json))).toBe(JSON.stringify(created.json));
  });

  it("lists every download in the OpenAPI document, at its own URL, and the Post schema there is the presenter's", async () => {
    const spec = (await api(session.app, "/api/openapi.json")).json as unknown as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    const downloads: [string, string][] = [
      ["/w/{slug}/export.csv", "text/csv"],
      ["/w/{slug}/export.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      ["/w/{slug}/qr.svg", "image/svg+xml"],
      ["/w/{slug}/qr.png", "image/png"],
      ["/w/{slug}/poster", "text/html"],
      ["/w/{slug}/summary", "text/html"],
      ["/files/{id}/{name}", "application/octet-stream"],
    ];
    for (const [path, type] of downloads) {
      expect(Object.keys(spec.paths[path]?.get?.responses["200"]?.content ?? {}), path).toEqual([type]);
    }
    // The API's own paths keep their prefix.
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(["/api/walls", "/api/walls/{id}/events"]));
    expect(Object.keys(spec.components.schemas.Post?.properties ?? {})).toEqual(Object.keys(postSchema.shape));
  });
});
