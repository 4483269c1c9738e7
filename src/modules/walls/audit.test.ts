import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Actor } from "../../core/caller.ts";
import { auditEvents } from "../audit/schema.ts";
import { wallAuditActions } from "./audit.ts";
import { participantCookie } from "./participants.ts";
import { wallEvents, wallPosts, wallReactions, wallReports, walls } from "./schema.ts";

type Browser = ReturnType<typeof httpBrowser>;
let keys = 0;
const key = () => `audit-${Date.now()}-${++keys}`;

describe("every write on a wall is audited in its own transaction", () => {
  let app: TestApp;
  let staff: Awaited<ReturnType<typeof createPerson>>;
  let staffCookie: string;

  beforeAll(async () => {
    app = await startTestApp();
    staff = await createPerson(app.database, "staff");
    staffCookie = await signIn(app, staff.email, staff.password);
  });
  afterAll(() => app.close());

  const createWall = async () => {
    const response = await api(app, "/api/walls", {
      method: "POST",
      cookie: staffCookie,
      body: { title: "Auditoitava", sections: ["Sote"] },
    });
    expect(response.status).toBe(201);
    return response.json as unknown as { id: string; sections: { id: string }[] };
  };

  /** The participant hash the database keeps for this browser (what its posts store). */
  const hashOf = (browser: Browser) => {
    const value = browser.cookie
      .split("; ")
      .find((c) => c.startsWith(`${participantCookie}=`))
      ?.slice(participantCookie.length + 1);
    const id = app.platform.services.participants.verify(decodeURIComponent(value ?? ""));
    if (!id) throw new Error("no participant cookie");
    return app.platform.services.participants.hash(id);
  };

  const auditOf = (postId: string, action: string) =>
    app.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.targetId, postId), eq(auditEvents.action, action)));

  it("records a participant's writes under their pseudonymous id only, and moderators' under their account", async () => {
    const wall = await createWall();
    const writer = httpBrowser(app);
    const reader = httpBrowser(app);
    const signedIn = httpBrowser(app, staffCookie);
    const call = async (browser: Browser, path: string, method: string, body?: unknown) => {
      const response = await browser.call(path, { method, body });
      expect(response.status, `${method} ${path}`).toBeLessThan(300);
      return response.json as unknown as { id: string };
    };

    const first = { body: "Auditoitu AUDITSECRET", idempotencyKey: key() };
    const { id } = await call(writer, `/api/walls/${wall.id}/posts`, "POST", first);
    // A retry of the same submission writes nothing, and audits nothing.
    expect((await call(writer, `/api/walls/${wall.id}/posts`, "POST", first)).id).toBe(id);
    await call(writer, `/api/posts/${id}`, "PATCH", { body: "Muokattu AUDITSECRET" });
    await call(reader, `/api/posts/${id}/reactions`, "POST", { kind: "like" });
    await call(reader, `/api/posts/${id}/reactions`, "POST", { kind: "like", on: false });
    await call(reader, `/api/posts/${id}/reports`, "POST", { reason: "" });
    const { id: staffPost } = await call(signedIn, `/api/walls/${wall.id}/posts`, "POST", {
      body: "Henkilökunnan viesti",
      idempotencyKey: key(),
    });
    for (const action of [
      { action: "pin", on: true },
      { action: "move", sectionId: wall.sections[0]?.id },
      { action: "hide" },
      { action: "approve" },
    ]) {
      await call(signedIn, `/api/posts/${id}/moderation`, "POST", action);
    }
    await call(writer, `/api/posts/${id}`, "DELETE");
    await call(signedIn, `/api/posts/${staffPost}/moderation`, "POST", { action: "delete" });

    const writerHash = hashOf(writer);
    const [row] = await app.database.db.select().from(wallPosts).where(eq(wallPosts.id, id));
    expect(row?.participantHash).toBe(writerHash);
    const expected: [string, string, Browser, Record<string, unknown>][] = [
      [id, "post.create", writer, {}],
      [id, "post.edit", writer, {}],
      [id, "post.react", reader, { kind: "like", on: true }],
      [id, "post.report", reader, {}],
      [staffPost, "post.create", signedIn, {}],
      [id, "post.pin", signedIn, { on: true }],
      [id, "post.move", signedIn, { sectionId: wall.sections[0]?.id }],
      [id, "post.hide", signedIn, {}],
      [id, "post.approve", signedIn, {}],
      [id, "post.delete", writer, {}],
      [staffPost, "post.delete", signedIn, {}],
    ];
    for (const [target, action, by, details] of expected) {
      const rows = await auditOf(target, action);
      expect(rows.length, action).toBe(action === "post.react" ? 2 : 1);
      // A signed-in person posting without a name stays anonymous in the audit log too; moderating is done by name.
      const moderating = by === signedIn && action !== "post.create";
      expect(rows[0], action).toMatchObject({
        module: "walls",
        targetType: "post",
        actorParticipant: moderating ? null : hashOf(by),
        actorId: moderating ? staff.id : null,
        details: { wallId: wall.id, ...details },
      });
    }
    expect((await auditOf(id, "post.react")).map((r) => r.details.on)).toEqual([true, false]);

    const all = await app.database.db.select().from(auditEvents).where(eq(auditEvents.module, "walls"));
    // The audit log keeps no post text (a delete or an edit must not survive there), and no address.
    expect(JSON.stringify(all)).not.toContain("AUDITSECRET");
    for (const entry of all) expect(wallAuditActions as readonly string[]).toContain(entry.action);
  });

  it("records an upload under the uploader's pseudonymous id, and a settings change and a close under the moderator", async () => {
    const wall = await createWall();
    const writer = httpBrowser(app);
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const uploaded = await writer.upload(wall.id, pdf, "muistio.pdf", "application/pdf");
    expect(uploaded.status).toBe(201);
    const fileId = (uploaded.json as unknown as { fileId: string }).fileId;
    await expectAudited(app.database.db, {
      module: "walls",
      action: "upload.create",
      targetId: fileId,
      actorId: null,
      actorParticipant: hashOf(writer),
      details: { wallId: wall.id, kind: "file", mimeType: "application/pdf" },
    });

    const moderator = httpBrowser(app, staffCookie);
    expect(
      (await moderator.call(`/api/walls/${wall.id}`, { method: "PATCH", body: { description: "Uusi" } })).status,
    ).toBe(200);
    expect((await moderator.call(`/api/walls/${wall.id}`, { method: "PATCH", body: { closed: true } })).status).toBe(
      200,
    );
    await expectAudited(app.database.db, {
      module: "walls",
      action: "wall.update",
      targetId: wall.id,
      actorId: staff.id,
      actorParticipant: null,
      details: { description: "Uusi" },
    });
    await expectAudited(app.database.db, {
      module: "walls",
      action: "wall.close",
      targetId: wall.id,
      actorId: staff.id,
      details: { closed: true },
    });
  });

  it("leaves neither the write nor its audit row when the audit row cannot be written", async () => {
    const wall = await createWall();
    const writer = httpBrowser(app);
    const moderator = httpBrowser(app, staffCookie);
    const made = await writer.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Ennen estoa", idempotencyKey: key() },
    });
    expect(made.status).toBe(201);
    const id = (made.json as unknown as { id: string }).id;
    const { db } = app.database;

    const snapshot = async () => ({
      posts: await db.select().from(wallPosts).where(eq(wallPosts.wallId, wall.id)),
      events: await db.select().from(wallEvents).where(eq(wallEvents.wallId, wall.id)),
      seq: (await db.select({ seq: walls.lastSeq }).from(walls).where(eq(walls.id, wall.id)))[0]?.seq,
      reactions: (await db.select({ n: count() }).from(wallReactions).where(eq(wallReactions.postId, id)))[0]?.n,
      reports: (await db.select({ n: count() }).from(wallReports).where(eq(wallReports.postId, id)))[0]?.n,
      audit: (await db.select({ n: count() }).from(auditEvents))[0]?.n,
    });
    const before = await snapshot();

    // From here on the database refuses every audit row about this wall: the write in the same transaction must go too.
    await db.execute(
      sql.raw(
        `alter table audit_events add constraint audit_test_refuse check (details->>'wallId' is distinct from '${wall.id}') not valid`,
      ),
    );
    try {
      // Straight to the services (the same code the HTTP handlers call), so the refused writes log no server errors.
      const { posts, wallCookies } = app.platform.services;
      const viewerOf = (browser: Browser, actor: Actor | null) =>
        wallCookies.viewer({ actor, locale: "fi" }, browser.cookie, "127.0.0.1").viewer;
      const asWriter = viewerOf(writer, null);
      const asModerator = viewerOf(moderator, { id: staff.id, name: staff.name, email: staff.email, role: "staff" });
      const writes: [string, () => Promise<unknown>][] = [
        ["create", () => posts.create(asWriter, wall.id, { body: "Estetty", idempotencyKey: key() })],
        ["edit", () => posts.edit(asWriter, id, { body: "Estetty muokkaus" })],
        ["react", () => posts.react(asWriter, id, { kind: "like" })],
        ["report", () => posts.report(asWriter, id, { reason: "" })],
        ["hide", () => posts.moderate(asModerator, id, { action: "hide" })],
        ["moderator delete", () => posts.moderate(asModerator, id, { action: "delete" })],
        ["delete", () => posts.remove(asWriter, id)],
      ];
      for (const [what, write] of writes) {
        await expect(write(), what).rejects.toThrow(/insert into "audit_events"/);
        expect(await snapshot(), what).toEqual(before);
      }
    } finally {
      await db.execute(sql.raw("alter table audit_events drop constraint audit_test_refuse"));
    }
  });
});
