import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { openStream } from "../../../test/support/sse.ts";

/**
 * Issue 13 point 2: a hall scanning one QR code opens thousands of streams at once, so opening
 * one costs at most one query (the wall and its sections together). Counted on the app's own
 * database handle (every statement Drizzle sends), over real HTTP.
 */
describe("opening a wall's stream", () => {
  let app: TestApp;
  const queries: string[] = [];
  let counting = false;
  let wall: { id: string; sections: { id: string; title: string }[] };

  beforeAll(async () => {
    app = await startTestApp({
      onQuery: (query) => {
        // The job queue's own polling is not the stream's.
        if (counting && !query.includes("pgboss")) queries.push(query);
      },
    });
    const staff = await createPerson(app.database, "staff");
    const cookie = await signIn(app, staff.email, staff.password);
    wall = (
      await api(app, "/api/walls", {
        method: "POST",
        cookie,
        body: { title: "Avajaiset", sections: ["Kysymykset", "Ideat"] },
      })
    ).json as unknown as typeof wall;
    // Starting a database on a machine shared by many test runs can take a while.
  }, 180_000);
  afterAll(() => app.close());

  const seated = async (count: number) => {
    const deadline = Date.now() + 3000;
    while (app.platform.services.hub.count(wall.id) < count) {
      if (Date.now() > deadline) throw new Error(`${count} streams not seated`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };

  const countOpening = async (init: { cookie?: string; lastEventId?: number }, seats: number) => {
    queries.length = 0;
    counting = true;
    const stream = await openStream(`${app.url}/api/walls/${wall.id}/events`, init);
    await seated(seats);
    counting = false;
    return { stream, queries: [...queries] };
  };

  it("costs one query for a new viewer, a participant with a cookie, and one resuming at the newest seq", async () => {
    const phone = httpBrowser(app);
    const first = await phone.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Ensimmäinen", idempotencyKey: "stream-open-1" },
    });
    expect(first.status).toBe(201);
    const posts = await phone.call(`/api/walls/${wall.id}/posts`);
    const seq = (posts.json as unknown as { seq: number }).seq;
    expect(seq).toBe(1);

    const anonymous = await countOpening({}, 1);
    expect(anonymous.stream.status).toBe(200);
    expect(anonymous.queries).toHaveLength(1);
    expect(anonymous.queries[0]).toMatch(/wall_sections/);

    const participant = await countOpening({ cookie: phone.cookie }, 2);
    expect(participant.stream.status).toBe(200);
    expect(participant.queries).toHaveLength(1);

    // What the wall page does: the first page of posts, then the stream from its seq.
    const resumed = await countOpening({ cookie: phone.cookie, lastEventId: seq }, 3);
    expect(resumed.queries).toHaveLength(1);

    // The streams opened that cheaply are live: the next post reaches all three, once, as seq 2.
    const second = await phone.call(`/api/walls/${wall.id}/posts`, {
      method: "POST",
      body: { body: "Toinen", idempotencyKey: "stream-open-2" },
    });
    expect(second.status).toBe(201);
    for (const { stream } of [anonymous, participant, resumed]) {
      const arrived = await stream.waitFor((e) => e.event === "change" && e.data.type === "post");
      expect(arrived.id).toBe(2);
      expect(stream.events.filter((e) => e.event === "change")).toHaveLength(1);
      await stream.close();
    }
  });

  it("still replays what a resuming client missed (the log is read only then)", async () => {
    const behind = await countOpening({ lastEventId: 0 }, 1);
    const replayed = await behind.stream.waitFor((e) => e.id === 2);
    expect(replayed.data.type).toBe("post");
    expect(behind.stream.events.filter((e) => e.event === "change").map((e) => e.id)).toEqual([1, 2]);
    expect(behind.queries.some((q) => /wall_events/.test(q))).toBe(true);
    await behind.stream.close();
  });

  it("gives the wall's sections in order on the wall's open, as before the one query", async () => {
    const opened = await api(app, `/api/walls/${wall.id}`);
    expect(opened.status).toBe(200);
    expect(
      (opened.json as unknown as { wall: { sections: { title: string; position: number }[] } }).wall.sections,
    ).toEqual([
      expect.objectContaining({ title: "Kysymykset", position: 0 }),
      expect.objectContaining({ title: "Ideat", position: 1 }),
    ]);
  });
});
