import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { openStream } from "../../../test/support/sse.ts";

/**
 * Issue 13 point 3: the lists and the live stream carry what a reader renders (the stored html), the
 * Markdown source once for its editor: GET /api/posts/{id}/source, to the writer's browser and moderators.
 */
describe("a post's source for its editor", () => {
  let app: TestApp;
  let staffCookie: string;
  let wallId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createPerson(app.database, "staff");
    staffCookie = await signIn(app, staff.email, staff.password);
    wallId = (
      (await api(app, "/api/walls", { method: "POST", cookie: staffCookie, body: { title: "Lähde" } }))
        .json as unknown as {
        id: string;
      }
    ).id;
    // Starting a database on a machine shared by many test runs can take a while.
  }, 180_000);
  afterAll(() => app.close());

  it("gives the writer and moderators what was typed; lists and frames carry only the rendered text", async () => {
    const writer = httpBrowser(app);
    const other = httpBrowser(app);
    await other.call(`/api/walls/${wallId}/posts`);
    const stream = await openStream(`${app.url}/api/walls/${wallId}/events`);
    const typed = "**Tärkeä** kysymys: [linkki](https://example.test)";
    const created = await writer.call(`/api/walls/${wallId}/posts`, {
      method: "POST",
      body: { body: typed, title: "Otsikko", kind: "question", idempotencyKey: "source-test-1" },
    });
    expect(created.status).toBe(201);
    const id = (created.json as unknown as { id: string }).id;

    const frame = await stream.waitFor((e) => e.data.type === "post");
    const framed = frame.data.post as Record<string, unknown>;
    expect(framed).not.toHaveProperty("body");
    expect(framed.html).toContain("<strong>Tärkeä</strong>");
    expect(framed.title).toBe("Otsikko");
    await stream.close();

    const list = await other.call(`/api/walls/${wallId}/posts`);
    const listed = (list.json as unknown as { posts: Record<string, unknown>[] }).posts.find((p) => p.id === id);
    expect(listed).toMatchObject({ id, html: framed.html, title: "Otsikko", mine: false });
    expect(listed).not.toHaveProperty("body");

    const own = await writer.call(`/api/posts/${id}/source`);
    expect(own.status).toBe(200);
    expect(own.json).toEqual({ id, kind: "question", title: "Otsikko", body: typed });
    const moderator = await api(app, `/api/posts/${id}/source`, { cookie: staffCookie });
    expect(moderator.status).toBe(200);
    expect((moderator.json as unknown as { body: string }).body).toBe(typed);

    // Anyone else reads what the wall shows, never the source: a refusal, translated, with no text of the post.
    for (const stranger of [other.cookie, ""]) {
      const refused = await api(app, `/api/posts/${id}/source`, {
        ...(stranger ? { cookie: stranger } : {}),
        headers: { "accept-language": "sv" },
      });
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain("Tärkeä");
      expect(refused.json).toMatchObject({ code: "FORBIDDEN" });
    }

    // An edit is read back as typed.
    await writer.call(`/api/posts/${id}`, { method: "PATCH", body: { body: "Korjattu _teksti_" } });
    expect(((await writer.call(`/api/posts/${id}/source`)).json as unknown as { body: string }).body).toBe(
      "Korjattu _teksti_",
    );
  });

  it("keeps a hidden post's source from the public and a deleted post's from everyone", async () => {
    const writer = httpBrowser(app);
    const other = httpBrowser(app);
    const make = async (text: string, key: string) =>
      (
        (
          await writer.call(`/api/walls/${wallId}/posts`, {
            method: "POST",
            body: { body: text, idempotencyKey: key },
          })
        ).json as unknown as { id: string }
      ).id;
    const hidden = await make("Piilotettava HIDDENSOURCE", "source-test-hidden");
    const deleted = await make("Poistettava DELETEDSOURCE", "source-test-deleted");
    await other.call(`/api/walls/${wallId}/posts`);
    await api(app, `/api/posts/${hidden}/moderation`, {
      method: "POST",
      cookie: staffCookie,
      body: { action: "hide" },
    });
    expect((await writer.call(`/api/posts/${deleted}`, { method: "DELETE" })).status).toBe(204);

    const stranger = await other.call(`/api/posts/${hidden}/source`);
    expect(stranger.status).toBe(404);
    expect(stranger.text).not.toContain("HIDDENSOURCE");
    // The moderators may approve it again, so they still read it; so does its writer, who sees it.
    expect(
      ((await api(app, `/api/posts/${hidden}/source`, { cookie: staffCookie })).json as unknown as { body: string })
        .body,
    ).toBe("Piilotettava HIDDENSOURCE");
    for (const who of [writer.cookie, staffCookie]) {
      const gone = await api(app, `/api/posts/${deleted}/source`, { cookie: who });
      expect(gone.status).toBe(404);
      expect(gone.text).not.toContain("DELETEDSOURCE");
    }
    expect((await api(app, "/api/posts/not-a-post/source", { cookie: staffCookie })).status).toBe(400);
  });
});
