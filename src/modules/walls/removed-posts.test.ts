import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import { api } from "../../../test/support/server.ts";
import { useAppSignedIn } from "../../../test/support/signed-in-app.ts";
import { openStream, type SseEvent } from "../../../test/support/sse.ts";
import { wallEvents, wallPosts } from "./schema.ts";

/**
 * Deleted and hidden posts stay gone: a replay of the wall's change log (from 0
 * or from any seq) gives each post's current state only, and the log itself
 * keeps no earlier text.
 */

const pdf = `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`;

/** Text that must never come back once its post is deleted, or once the post is edited past it. */
const gone = {
  deletedBody: "Poistettava DELSECRETBODY kommentti",
  deletedTitle: "DELSECRETTITLE",
  deletedLink: "https://example.test/DELSECRETLINK",
  moderatorDeleted: "Moderaattori poistaa MODDELSECRET viestin",
  deletedFileName: "MODDELFILE.pdf",
  editV1: "Ensimmäinen EDITVERSIONONE",
  editV2: "Toinen EDITVERSIONTWO",
  editV3: "Kolmas EDITVERSIONTHREE",
};
const hiddenBody = "Piilotettava HIDDENSECRET kommentti";
const kept = "Pysyvä KEEPTEXT kommentti";
const finalEdit = "Viimeinen EDITFINAL versio";
const sentinel = "Lopuksi SENTINELPOST";

type PostState = { id: string; text: string; status: string; likes: number; votes: number };
/** The text a reader sees of a post: its rendered html (the stream carries no Markdown source) without the tags. */
const shownText = (post: unknown) => ((post as { html?: string }).html ?? "").replace(/<[^>]*>/g, "").trim();

/** What a client's wall shows after these changes, applied like the browser does (useWallLive). */
function applyChanges(start: Map<string, PostState>, events: SseEvent[]): Map<string, PostState> {
  const state = new Map(start);
  for (const { data } of events) {
    if (data.type === "post") {
      const post = data.post as PostState;
      state.set(post.id, {
        id: post.id,
        text: shownText(post),
        status: post.status,
        likes: post.likes,
        votes: post.votes,
      });
    } else if (data.type === "post.removed") {
      state.delete(data.id as string);
    } else if (data.type === "reactions") {
      const post = state.get(data.id as string);
      if (post) state.set(post.id, { ...post, likes: data.likes as number, votes: data.votes as number });
    }
  }
  return state;
}

const bodies = (state: Map<string, PostState>) =>
  [...state.values()].map((p) => `${p.text}|${p.status}|${p.likes}|${p.votes}`).sort();

describe("removed posts stay gone", () => {
  const session = useAppSignedIn("staff");

  it("replays deleted posts as tombstones, hidden ones only to moderators and edited ones only as their latest version", async () => {
    const created = await api(session.app, "/api/walls", {
      method: "POST",
      cookie: session.cookie,
      body: { title: "Poistot" },
    });
    expect(created.status).toBe(201);
    const wallId = (created.json as unknown as { id: string }).id;
    const events = `${session.app.url}/api/walls/${wallId}/events`;
    const writer = httpBrowser(session.app);
    const other = httpBrowser(session.app);
    await writer.call(`/api/walls/${wallId}`);
    await other.call(`/api/walls/${wallId}`);

    // Live streams from the start: what a client held at each seq, to resume from.
    const livePublic = await openStream(events, { cookie: other.cookie });
    const liveModerator = await openStream(events, { cookie: session.cookie });

    let n = 0;
    const post = async (body: Record<string, unknown>) => {
      const response = await writer.call(`/api/walls/${wallId}/posts`, {
        method: "POST",
        body: { idempotencyKey: `removed-${++n}-${Date.now()}`, ...body },
      });
      expect(response.status).toBe(201);
      return (response.json as unknown as { id: string }).id;
    };
    const upload = await writer.upload(wallId, pdf, gone.deletedFileName);
    expect(upload.status).toBe(201);
    const fileId = upload.json.fileId as string;

    const keptId = await post({ body: kept });
    const deleted = await post({ body: gone.deletedBody, title: gone.deletedTitle, linkUrl: gone.deletedLink });
    const moderatorDeleted = await post({ body: gone.moderatorDeleted, attachmentFileId: fileId });
    const hidden = await post({ body: hiddenBody });
    const edited = await post({ body: gone.editV1 });
    const fileUrl = `/files/${fileId}/${gone.deletedFileName}`;
    expect((await other.file(fileUrl)).status).toBe(200);

    for (const id of [deleted, moderatorDeleted, hidden, edited]) {
      expect((await other.call(`/api/posts/${id}/reactions`, { method: "POST", body: { kind: "like" } })).status).toBe(
        200,
      );
    }
    expect((await other.call(`/api/posts/${hidden}/reports`, { method: "POST", body: { reason: "" } })).status).toBe(
      204,
    );
    expect((await other.call(`/api/posts/${deleted}/reports`, { method: "POST", body: {} })).status).toBe(204);
    // A report on a post that stays visible: the public's latest entry about it must still show it.
    expect((await other.call(`/api/posts/${keptId}/reports`, { method: "POST", body: {} })).status).toBe(204);
    for (const body of [gone.editV2, gone.editV3, finalEdit]) {
      expect((await writer.call(`/api/posts/${edited}`, { method: "PATCH", body: { body } })).status).toBe(200);
    }
    expect(
      (await writer.call(`/api/posts/${edited}/reactions`, { method: "POST", body: { kind: "like" } })).status,
    ).toBe(200);
    expect((await writer.call(`/api/posts/${deleted}`, { method: "DELETE" })).status).toBe(204);
    const moderate = (id: string, action: string) =>
      api(session.app, `/api/posts/${id}/moderation`, { method: "POST", cookie: session.cookie, body: { action } });
    expect((await moderate(moderatorDeleted, "delete")).status).toBe(200);
    expect((await moderate(hidden, "hide")).status).toBe(200);
    // A reaction by the hidden post's writer, after the hide: still nothing for the public.
    await writer.call(`/api/posts/${hidden}/reactions`, { method: "POST", body: { kind: "like" } });
    await post({ body: sentinel });

    const [{ lastSeq }] = (
      await session.app.database.db
        .select({ lastSeq: wallEvents.seq })
        .from(wallEvents)
        .where(eq(wallEvents.wallId, wallId))
        .orderBy(wallEvents.seq)
    ).slice(-1) as [{ lastSeq: number }];
    const isSentinel = (e: SseEvent) => e.data.type === "post" && shownText(e.data.post) === sentinel;
    await livePublic.waitFor(isSentinel);
    await liveModerator.waitFor(isSentinel);

    const replay = async (cookie: string | undefined, lastEventId: number, how: "header" | "query" = "header") => {
      const stream =
        how === "header"
          ? await openStream(events, { cookie, lastEventId })
          : await openStream(`${events}?lastEventId=${lastEventId}`, { cookie });
      expect(stream.status).toBe(200);
      await stream.waitFor(isSentinel);
      await stream.close();
      const ids = stream.events.map((e) => e.id);
      // In order, each once, all after the seq asked for.
      expect(ids).toEqual([...new Set(ids)].sort((a, b) => a - b));
      expect(ids.every((id) => id > lastEventId && id <= lastSeq)).toBe(true);
      return stream.events;
    };

    const anonymous = await replay(undefined, 0, "query");
    const participant = await replay(writer.cookie, 0);
    const moderator = await replay(session.cookie, 0);

    for (const text of Object.values(gone)) {
      for (const [who, replayed] of Object.entries({ anonymous, participant, moderator })) {
        expect(JSON.stringify(replayed), `${who} replay holds "${text}"`).not.toContain(text);
      }
    }
    expect(JSON.stringify(anonymous)).not.toContain("HIDDENSECRET");
    expect(JSON.stringify(participant)).not.toContain("HIDDENSECRET");
    expect(JSON.stringify(moderator)).toContain("HIDDENSECRET");

    const publicNow = [`${finalEdit}|visible|2|0`, `${kept}|visible|0|0`, `${sentinel}|visible|0|0`].sort();
    const moderatorNow = [...publicNow, `${hiddenBody}|hidden|2|0`].sort();
    expect(bodies(applyChanges(new Map(), anonymous))).toEqual(publicNow);
    expect(bodies(applyChanges(new Map(), participant))).toEqual(publicNow);
    expect(bodies(applyChanges(new Map(), moderator))).toEqual(moderatorNow);
    expect(bodies(applyChanges(new Map(), livePublic.events))).toEqual(publicNow);
    expect(bodies(applyChanges(new Map(), liveModerator.events))).toEqual(moderatorNow);

    // A client that held the wall as of any seq it was sent, resuming from there, ends with the wall as it is now.
    for (const [live, cookie, now] of [
      [livePublic, other.cookie, publicNow],
      [liveModerator, session.cookie, moderatorNow],
    ] as const) {
      const seen = [0, ...live.events.map((e) => e.id)].filter((id) => id < lastSeq);
      for (const k of seen) {
        const held = applyChanges(
          new Map(),
          live.events.filter((e) => e.id <= k),
        );
        expect(bodies(applyChanges(held, await replay(cookie, k))), `resumed from ${k}`).toEqual(now);
      }
    }
    await livePublic.close();
    await liveModerator.close();

    // The log itself keeps no earlier text; the hidden post's text only in moderators' payload, once.
    const rows = await session.app.database.db.select().from(wallEvents).where(eq(wallEvents.wallId, wallId));
    expect(rows).toHaveLength(lastSeq);
    const stored = JSON.stringify(rows);
    for (const text of Object.values(gone)) expect(stored, `wall_events holds "${text}"`).not.toContain(text);
    expect(rows.filter((r) => JSON.stringify(r.publicPayload).includes("HIDDENSECRET"))).toEqual([]);
    expect(rows.filter((r) => JSON.stringify(r.moderatorPayload).includes("HIDDENSECRET"))).toHaveLength(1);

    // Nothing can undo a delete, so the deleted rows keep no text or attachment either, and the file is no longer served.
    const deletedRows = await session.app.database.db.select().from(wallPosts).where(eq(wallPosts.wallId, wallId));
    for (const row of deletedRows.filter((r) => r.deletedAt)) {
      expect(row).toMatchObject({ title: null, body: "", attachmentUrl: null, attachmentName: null });
    }
    expect(deletedRows.filter((r) => r.deletedAt)).toHaveLength(2);
    expect((await other.file(fileUrl)).status).toBe(404);
    expect((await writer.file(fileUrl)).status).toBe(404);

    // The other doors: the post list for each viewer, and the moderators' exports.
    const everything = (await api(session.app, `/api/walls/${wallId}/posts`, { cookie: session.cookie })).text;
    const visitor = (await api(session.app, `/api/walls/${wallId}/posts`)).text;
    for (const text of Object.values(gone)) {
      expect(everything).not.toContain(text);
      expect(visitor).not.toContain(text);
    }
    expect(visitor).not.toContain("HIDDENSECRET");
    const slug = (created.json as unknown as { slug: string }).slug;
    const exported = async (format: "csv" | "xlsx") => {
      const response = await fetch(`${session.app.url}/w/${slug}/export.${format}`, {
        headers: { cookie: session.cookie },
      });
      expect(response.status, format).toBe(200);
      const bytes = await response.arrayBuffer();
      if (format === "csv") return new TextDecoder().decode(bytes);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes);
      const cells: unknown[] = [];
      for (const sheet of workbook.worksheets) sheet.eachRow((row) => cells.push(row.values));
      return JSON.stringify(cells);
    };
    for (const format of ["csv", "xlsx"] as const) {
      const data = await exported(format);
      expect(data, format).toContain("EDITFINAL");
      for (const text of Object.values(gone)) expect(data, format).not.toContain(text);
    }
  });
});
