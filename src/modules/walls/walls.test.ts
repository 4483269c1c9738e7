import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpBrowser as participant } from "../../../test/support/http-browser.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { openStream } from "../../../test/support/sse.ts";
import { wallPosts } from "./schema.ts";

let keys = 0;
const key = () => `key-${Date.now()}-${++keys}`;
/** The text a reader sees of a post on the stream: its rendered html without the tags. */
const shownText = (post: unknown) => (post as { html?: string } | undefined)?.html?.replace(/<[^>]*>/g, "").trim();

describe("walls over HTTP", () => {
  let app: TestApp;
  let staffCookie: string;
  const createWall = async (body: Record<string, unknown>) => {
    const response = await api(app, "/api/walls", {
      method: "POST",
      cookie: staffCookie,
      body: { title: "Seinä", ...body },
    });
    expect(response.status).toBe(201);
    return response.json as unknown as { id: string; slug: string; sections: { id: string }[] };
  };

  beforeAll(async () => {
    app = await startTestApp();
    const staff = await createPerson(app.database, "staff");
    staffCookie = await signIn(app, staff.email, staff.password);
  });
  afterAll(() => app.close());

  it("lets a visitor without an account post anonymously or by name, once per idempotency key", async () => {
    const wall = await createWall({ title: "Kymenlaakson maakuntauudistusseminaari" });
    const anna = participant(app);
    const idempotencyKey = key();
    const first = await anna.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Hyvä avaus!", idempotencyKey },
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ body: "Hyvä avaus!", authorName: null, status: "visible" });
    expect(JSON.stringify(first.json)).not.toMatch(/participant/i);
    expect(anna.cookie).toContain("uudistamo_participant=");

    const retry = await anna.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Hyvä avaus!", idempotencyKey },
    });
    expect(retry.status).toBe(200);
    expect((retry.json as unknown as { id: string }).id).toBe((first.json as unknown as { id: string }).id);

    const named = await anna.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: {
        body: "Miten kunnat osallistuvat?",
        kind: "question",
        authorName: "Anna Kotkasta",
        idempotencyKey: key(),
      },
    });
    expect(named.json).toMatchObject({ authorName: "Anna Kotkasta", kind: "question" });
    const rows = await app.database.db.select().from(wallPosts).where(eq(wallPosts.wallId, wall.id));
    expect(rows).toHaveLength(2);
  });

  it("lets the writer's browser edit and delete its own post, and nobody else's", async () => {
    const wall = await createWall({});
    const writer = participant(app);
    const other = participant(app);
    const created = await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Alkuperäinen", idempotencyKey: key() },
    });
    const id = (created.json as unknown as { id: string }).id;
    await other.call(`/api/walls/${wall.id}/posts`);
    expect((await other.call(`/api/posts/${id}`, { method: "PATCH", body: { body: "Kaapattu" } })).status).toBe(403);
    const edited = await writer.call(`/api/posts/${id}`, { method: "PATCH", body: { body: "Korjattu" } });
    expect(edited.json).toMatchObject({ body: "Korjattu" });
    expect((await other.call(`/api/posts/${id}`, { method: "DELETE" })).status).toBe(403);
    expect((await writer.call(`/api/posts/${id}`, { method: "DELETE" })).status).toBe(204);
    const list = await other.call(`/api/walls/${wall.id}/posts`);
    expect((list.json as unknown as { posts: unknown[] }).posts).toHaveLength(0);
  });

  it("keeps what an edit does not send: a question whose text is corrected stays a question", async () => {
    const wall = await createWall({});
    const writer = participant(app);
    const created = await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Miten kunnat osallistuvat?", kind: "question", title: "Kysymys", idempotencyKey: key() },
    });
    const id = (created.json as unknown as { id: string }).id;
    const edited = await writer.call(`/api/posts/${id}`, {
      method: "PATCH",
      body: { body: "Miten kunnat osallistuvat valmisteluun?" },
    });
    expect(edited.json).toMatchObject({
      kind: "question",
      title: "Kysymys",
      body: "Miten kunnat osallistuvat valmisteluun?",
    });
  });

  it("counts each participant's like and vote once, and votes only on questions", async () => {
    const wall = await createWall({});
    const asker = participant(app);
    const voter = participant(app);
    const q = await asker.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Kysymys?", kind: "question", idempotencyKey: key() },
    });
    const c = await asker.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Kommentti", idempotencyKey: key() },
    });
    const qid = (q.json as unknown as { id: string }).id;
    const cid = (c.json as unknown as { id: string }).id;
    await voter.call(`/api/posts/${qid}/reactions`, { method: "POST", body: { kind: "upvote" } });
    const twice = await voter.call(`/api/posts/${qid}/reactions`, { method: "POST", body: { kind: "upvote" } });
    expect(twice.json).toEqual({ likes: 0, votes: 1 });
    await asker.call(`/api/posts/${qid}/reactions`, { method: "POST", body: { kind: "upvote" } });
    expect((await voter.call(`/api/posts/${qid}/reactions`, { method: "POST", body: { kind: "like" } })).json).toEqual({
      likes: 1,
      votes: 2,
    });
    const undo = await voter.call(`/api/posts/${qid}/reactions`, {
      method: "POST",
      body: { kind: "upvote", on: false },
    });
    expect(undo.json).toEqual({ likes: 1, votes: 1 });
    const wrong = await voter.call(`/api/posts/${cid}/reactions`, { method: "POST", body: { kind: "upvote" } });
    expect(wrong.status).toBe(400);
  });

  it("holds posts for approval on a moderated wall; the moderator's approval shows them", async () => {
    const wall = await createWall({ moderation: "pre" });
    const writer = participant(app);
    const reader = participant(app);
    const created = await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Odottaa", idempotencyKey: key() },
    });
    expect(created.json).toMatchObject({ status: "pending" });
    const id = (created.json as unknown as { id: string }).id;
    expect((await reader.call(`/api/walls/${wall.id}/posts`)).json).toMatchObject({ posts: [] });
    const own = await writer.call(`/api/walls/${wall.id}/posts`);
    expect(own.json).toMatchObject({ posts: [{ id, status: "pending", mine: true }] });
    expect(
      (await reader.call(`/api/posts/${id}/moderation`, { method: "POST", body: { action: "approve" } })).status,
    ).toBe(404);
    const approved = await api(app, `/api/posts/${id}/moderation`, {
      method: "POST",
      cookie: staffCookie,
      body: { action: "approve" },
    });
    expect(approved.json).toMatchObject({ status: "visible" });
    expect((await reader.call(`/api/walls/${wall.id}/posts`)).json).toMatchObject({ posts: [{ id, mine: false }] });
  });

  it("asks for the join code on an event-only wall and lets the browser in once it is given", async () => {
    const wall = await createWall({ access: "join_code", joinCode: "KOTKA-31" });
    const visitor = participant(app);
    const refused = await visitor.call(`/api/walls/${wall.id}/posts`);
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: "JOIN_CODE_REQUIRED" });
    const wrong = await visitor.call(`/api/walls/${wall.id}/join`, { method: "POST", body: { code: "HAMINA" } });
    expect(wrong.status).toBe(400);
    const right = await visitor.call(`/api/walls/${wall.id}/join`, { method: "POST", body: { code: "kotka-31" } });
    expect(right.status).toBe(204);
    expect((await visitor.call(`/api/walls/${wall.id}/posts`)).status).toBe(200);
  });

  it("keeps a members-only wall from visitors, and a closed wall read-only", async () => {
    const members = await createWall({ access: "members" });
    expect((await participant(app).call(`/api/walls/${members.id}/posts`)).status).toBe(401);
    const wall = await createWall({});
    const writer = participant(app);
    await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Ennen sulkemista", idempotencyKey: key() },
    });
    expect(
      (await api(app, `/api/walls/${wall.id}`, { method: "PATCH", cookie: staffCookie, body: { closed: true } }))
        .status,
    ).toBe(200);
    const late = await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Myöhässä", idempotencyKey: key() },
    });
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({ code: "WALL_CLOSED" });
    expect((await writer.call(`/api/walls/${wall.id}/posts`)).json).toMatchObject({
      // The list carries what readers see (the rendered html); the source is the editor's to ask for.
      posts: [{ html: "<p>Ennen sulkemista</p>" }],
    });
  });

  it("renders post text inert: no script, handler or javascript: link survives", async () => {
    const wall = await createWall({});
    const writer = participant(app);
    const payloads = [
      "<script>alert(1)</script>",
      '<img src=x onerror="alert(1)">',
      "[klikkaa](javascript:alert(1))",
      '<a href="javascript:alert(1)">x</a>',
      "<svg onload=alert(1)>",
      '"><iframe src="https://evil.example"></iframe>',
      "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
      "<style>body{display:none}</style>",
      "**lihava** ja https://kymenlaakso.fi",
    ];
    for (const body of payloads) {
      const response = await writer.call(`/api/walls/${wall.id}/posts`, {
        method: "POST",
        body: { body, idempotencyKey: key() },
      });
      const html = (response.json as unknown as { html: string }).html;
      // Typed markup may show as text; it must never become a tag, a handler or a script link.
      expect(html).not.toMatch(/<(script|img|svg|iframe|style)/i);
      expect(html).not.toMatch(/<[^>]*\son\w+=/i);
      expect(html).not.toMatch(/<a[^>]*href="(javascript|data):/i);
    }
    const last = await writer.call(`/api/walls/${wall.id}/posts`);
    const formatted = (last.json as unknown as { posts: { html: string }[] }).posts[0]?.html;
    expect(formatted).toContain("<strong>lihava</strong>");
    expect(formatted).toContain(
      '<a href="https://kymenlaakso.fi" rel="nofollow ugc noopener noreferrer" target="_blank">',
    );
  });

  it("stops a flood from one browser with a clear, translated message", async () => {
    const wall = await createWall({});
    const flooder = participant(app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await flooder.call(`/api/walls/${wall.id}/posts`, {
            method: "POST",
            body: { body: `Viesti ${i}`, idempotencyKey: key() },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    const limited = await flooder.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Vielä", idempotencyKey: key() },
    });
    expect(limited.status).toBe(429);
    expect(limited.json).toMatchObject({
      code: "RATE_LIMITED",
      message: "Liian monta yritystä. Odota hetki ja yritä uudelleen.",
    });
  });

  it("streams new, edited, hidden and deleted posts and reaction counts live, in order", async () => {
    const wall = await createWall({});
    const watcher = participant(app);
    await watcher.call(`/api/walls/${wall.id}/posts`);
    const stream = await openStream(`${app.url}/api/walls/${wall.id}/events`, { cookie: watcher.cookie });
    expect(stream.status).toBe(200);
    const writer = participant(app);
    const created = await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Live!", idempotencyKey: key() },
    });
    const id = (created.json as unknown as { id: string }).id;
    const arrived = await stream.waitFor((e) => e.data.type === "post", 1000);
    expect(arrived.data).toMatchObject({ type: "post", post: { id, html: "<p>Live!</p>" } });
    // What the reader renders, once: the Markdown source stays out of the frame.
    expect(arrived.data.post).not.toHaveProperty("body");

    await writer.call(`/api/posts/${id}`, { method: "PATCH", body: { body: "Live, korjattu" } });
    await stream.waitFor((e) => shownText(e.data.post) === "Live, korjattu");
    await watcher.call(`/api/posts/${id}/reactions`, { method: "POST", body: { kind: "like" } });
    await stream.waitFor((e) => e.data.type === "reactions" && e.data.likes === 1);
    await api(app, `/api/posts/${id}/moderation`, { method: "POST", cookie: staffCookie, body: { action: "hide" } });
    await stream.waitFor((e) => e.data.type === "post.removed" && e.data.id === id);
    const ids = stream.events.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    await stream.close();
  });

  it("gives a reconnecting client every change it missed, exactly once, in order", async () => {
    const wall = await createWall({});
    const writer = participant(app);
    const first = await openStream(`${app.url}/api/walls/${wall.id}/events`);
    await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Ennen katkosta", idempotencyKey: key() },
    });
    const seen = await first.waitFor((e) => e.data.type === "post");
    await first.close();
    for (let i = 0; i < 5; i++) {
      await writer.call(`/api/walls/${wall.id}/posts`, {
        method: "POST",
        body: { body: `Katkon aikana ${i}`, idempotencyKey: key() },
      });
    }
    const resumed = await openStream(`${app.url}/api/walls/${wall.id}/events`, { lastEventId: seen.id });
    await resumed.waitFor((e) => shownText(e.data.post) === "Katkon aikana 4");
    await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Paluun jälkeen", idempotencyKey: key() },
    });
    await resumed.waitFor((e) => shownText(e.data.post) === "Paluun jälkeen");
    const bodies = resumed.events.map((e) => shownText(e.data.post));
    expect(bodies).toEqual([
      "Katkon aikana 0",
      "Katkon aikana 1",
      "Katkon aikana 2",
      "Katkon aikana 3",
      "Katkon aikana 4",
      "Paluun jälkeen",
    ]);
    const ids = resumed.events.map((e) => e.id);
    expect(ids).toEqual(Array.from({ length: 6 }, (_, i) => seen.id + 1 + i));
    await resumed.close();
  });

  it("never shows the public a post held for approval, but shows it to moderators live", async () => {
    const wall = await createWall({ moderation: "pre" });
    const publicStream = await openStream(`${app.url}/api/walls/${wall.id}/events`);
    const moderatorStream = await openStream(`${app.url}/api/walls/${wall.id}/events`, { cookie: staffCookie });
    const writer = participant(app);
    await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Salainen ennen hyväksyntää", idempotencyKey: key() },
    });
    const held = await moderatorStream.waitFor((e) => e.data.type === "post");
    expect(held.data).toMatchObject({ post: { status: "pending" } });
    await api(app, `/api/posts/${(held.data.post as { id: string }).id}/moderation`, {
      method: "POST",
      cookie: staffCookie,
      body: { action: "approve" },
    });
    const shown = await publicStream.waitFor((e) => e.data.type === "post");
    expect(shown.data).toMatchObject({ post: { status: "visible" } });
    expect(shownText(shown.data.post)).toBe("Salainen ennen hyväksyntää");
    expect(publicStream.events).toHaveLength(1);
    await publicStream.close();
    await moderatorStream.close();
  });

  it("lists walls in the OpenAPI document, the event stream included", async () => {
    const spec = (await api(app, "/api/openapi.json")).json as unknown as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/walls",
        "/api/walls/{id}/posts",
        "/api/walls/{id}/events",
        "/api/posts/{id}/reactions",
        "/api/posts/{id}/moderation",
      ]),
    );
  });
});
