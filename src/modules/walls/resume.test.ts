import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { httpBrowser } from "../../../test/support/http-browser.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { createLogger } from "../../logger.ts";
import { type OutgoingChange, sseFrame, WallHub } from "./hub.ts";

/**
 * Resuming a wall's stream is strict and never deaf: Last-Event-ID (header)
 * and ?lastEventId= are a decimal integer of digits only, or absent. Anything
 * else gets a translated 400 naming the field before the stream starts; a
 * well-formed value above the wall's newest seq gets a `reset` event with the
 * wall's state, then live changes. Every stream's end is logged with why.
 */

interface Frame {
  id: string | undefined;
  event: string;
  data: Record<string, unknown>;
}

/**
 * An SSE client on node:http, so the test sends exactly the header it means
 * (fetch would refuse or reshape some of them).
 */
function open(url: string, headers: Record<string, string> = {}) {
  return new Promise<{
    status: number;
    headers: IncomingMessage["headers"];
    /** The JSON body of a refusal; null for a stream. */
    json: Record<string, unknown> | null;
    frames: Frame[];
    /** Whether the server ended the stream. */
    ended: () => boolean;
    waitFor(match: (f: Frame) => boolean, timeoutMs?: number): Promise<Frame>;
    close(): void;
  }>((resolve, reject) => {
    const req = httpRequest(url, { headers: { accept: "text/event-stream", ...headers } }, (res) => {
      const frames: Frame[] = [];
      let buffer = "";
      let ended = false;
      res.setEncoding("utf8");
      const done = {
        status: res.statusCode ?? 0,
        headers: res.headers,
        json: null as Record<string, unknown> | null,
        frames,
        ended: () => ended,
        async waitFor(match: (f: Frame) => boolean, timeoutMs = 3000) {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const found = frames.find(match);
            if (found) return found;
            if (Date.now() > deadline)
              throw new Error(`no matching frame within ${timeoutMs} ms; got ${JSON.stringify(frames)}`);
            await new Promise((r) => setTimeout(r, 20));
          }
        },
        close: () => req.destroy(),
      };
      if (!String(res.headers["content-type"]).startsWith("text/event-stream")) {
        let body = "";
        res.on("data", (chunk: string) => {
          body += chunk;
        });
        res.on("end", () => resolve({ ...done, json: JSON.parse(body) as Record<string, unknown> }));
        return;
      }
      res.on("data", (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
          const lines = buffer.slice(0, end).split("\n");
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            lines
              .find((l) => l.startsWith(`${name}:`))
              ?.slice(name.length + 1)
              .trimStart();
          const data = field("data");
          if (data !== undefined)
            frames.push({ id: field("id"), event: field("event") ?? "message", data: JSON.parse(data) });
        }
      });
      res.on("close", () => {
        ended = true;
      });
      res.on("error", () => {});
      resolve(done);
    });
    req.on("error", (error) => {
      if ((error as NodeJS.ErrnoException).code !== "ECONNRESET") reject(error);
    });
    req.end();
  });
}

describe("resuming a wall's stream", () => {
  const lines: Record<string, unknown>[] = [];
  let app: TestApp;
  let staffCookie: string;
  let wallId: string;
  let events: string;
  let n = 0;

  // A new participant each time: one browser may post only ten times a minute.
  const post = async (body: string) => {
    const writer = httpBrowser(app);
    const response = await writer.call(`/api/walls/${wallId}/posts`, {
      method: "POST",
      body: { body, idempotencyKey: `resume-${++n}-${Date.now()}` },
    });
    expect(response.status).toBe(201);
  };
  const newest = async () => {
    const response = await api(app, `/api/walls/${wallId}`, { cookie: staffCookie });
    return (response.json as unknown as { wall: { lastSeq: number } }).wall.lastSeq;
  };
  const logged = async (match: (line: Record<string, unknown>) => boolean) => {
    const deadline = Date.now() + 3000;
    for (;;) {
      const found = lines.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no such log line; got ${JSON.stringify(lines.slice(-10))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const extra = (line: Record<string, unknown>) => (line.extra ?? {}) as Record<string, unknown>;

  beforeAll(async () => {
    app = await startTestApp({
      logger: createLogger("info", { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }),
    });
    const staff = await createPerson(app.database, "staff");
    staffCookie = await signIn(app, staff.email, staff.password);
    const created = await api(app, "/api/walls", {
      method: "POST",
      cookie: staffCookie,
      body: { title: "Jatkaminen" },
    });
    expect(created.status).toBe(201);
    wallId = (created.json as unknown as { id: string }).id;
    events = `${app.url}/api/walls/${wallId}/events`;
    for (let i = 1; i <= 6; i++) await post(`Alkuun ${i}`);
  });
  afterAll(() => app.close());

  const aboveNewest = [
    ["newest+1000", async () => String((await newest()) + 1000)],
    ["1e9 written out", async () => "1000000000"],
    ["2^53 + 1", async () => "9007199254740993"],
    ["300 digits", async () => `1${"0".repeat(299)}`],
  ] as const;

  for (const [name, value] of aboveNewest) {
    for (const how of ["header", "query"] as const) {
      it(`resets, then goes live, for a ${how} above the newest seq (${name})`, async () => {
        const asked = await value();
        const seq = await newest();
        const stream =
          how === "header"
            ? await open(events, { "last-event-id": asked })
            : await open(`${events}?lastEventId=${asked}`);
        expect(stream.status).toBe(200);
        const reset = await stream.waitFor((f) => f.event === "reset");
        expect(reset.id).toBe(String(seq));
        expect(reset.data).toMatchObject({ type: "reset", seq, wall: { id: wallId, lastSeq: seq } });
        expect(stream.frames).toHaveLength(1);
        const body = `Nollauksen jälkeen ${how} ${name}`;
        await post(body);
        const live = await stream.waitFor(
          (f) => (f.data.post as { html?: string } | undefined)?.html === `<p>${body}</p>`,
        );
        expect(live.id).toBe(String(seq + 1));
        expect(stream.frames.map((f) => f.event)).toEqual(["reset", "change"]);
        const line = await logged((l) => String(l.msg).startsWith("wall stream reset") && extra(l).newest === seq);
        expect(extra(line)).toMatchObject({ wallId, asked: asked.length > 15 ? "beyond 2^53" : Number(asked) });
        stream.close();
      });
    }
  }

  // What the query refuses; the header the same, except what HTTP itself cannot carry in a header.
  const malformed = ["1.5", "1e20", "", " 5 ", "0x10", "-1", "+5", "5a", "٣"];
  for (const value of malformed) {
    it(`refuses ?lastEventId=${JSON.stringify(value)} with a translated 400 before the stream`, async () => {
      const stream = await open(`${events}?lastEventId=${encodeURIComponent(value)}`, { "accept-language": "en" });
      expect(stream.status).toBe(400);
      expect(stream.headers["content-type"]).toBe("application/json");
      expect(stream.json).toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "lastEventId", message: expect.stringContaining("digits only") }],
      });
    });
    // HTTP drops the spaces around a header's value (below); a header cannot carry "٣" at all.
    if (value === " 5 " || value === "٣") continue;
    it(`refuses Last-Event-ID: ${JSON.stringify(value)} with a translated 400 before the stream`, async () => {
      const stream = await open(events, { "last-event-id": value, "accept-language": "fi" });
      expect(stream.status).toBe(400);
      expect(stream.json).toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path: "Last-Event-ID", message: expect.stringMatching(/\(Last-Event-ID\).* numeroista /) }],
      });
    });
  }

  it("reads a header with spaces around it as the number: HTTP does not count them as part of the value", async () => {
    // node:http sends the spaces; the server's parser drops them, as RFC 9110 (5.5) says it must.
    const stream = await open(events, { "last-event-id": " 5 " });
    expect(stream.status).toBe(200);
    await stream.waitFor((f) => f.id === "6");
    expect(stream.frames[0]).toMatchObject({ id: "6", event: "change" });
    stream.close();
  });

  it("refuses two query values, and a repeated header, as ambiguous", async () => {
    const twice = await open(`${events}?lastEventId=1&lastEventId=2`);
    expect(twice.status).toBe(400);
    expect(twice.json).toMatchObject({ issues: [{ path: "lastEventId" }] });
    const repeated = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(
        events,
        {
          headers: [
            ["last-event-id", "1"],
            ["last-event-id", "2"],
          ].flat(),
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end();
    });
    expect(repeated).toBe(400);
  });

  it("checks both the header and the query; the header, the browser's newer position, wins", async () => {
    const refused = await open(`${events}?lastEventId=abc`, { "last-event-id": "3" });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ issues: [{ path: "lastEventId" }] });

    const seq = await newest();
    const both = await open(`${events}?lastEventId=0`, { "last-event-id": String(seq - 1) });
    await both.waitFor((f) => f.id === String(seq));
    expect(both.frames.map((f) => f.id)).toEqual([String(seq)]);
    both.close();
  });

  it("still resumes from a well-formed seq at or below the newest, leading zeros and all", async () => {
    const seq = await newest();
    const atNewest = await open(`${events}?lastEventId=${seq}`);
    const fromZero = await open(events, { "last-event-id": "0000" });
    await fromZero.waitFor((f) => f.id === String(seq));
    expect(fromZero.frames.map((f) => Number(f.id))).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    await post("Tuorein");
    await atNewest.waitFor((f) => f.id === String(seq + 1));
    expect(atNewest.frames.map((f) => f.id)).toEqual([String(seq + 1)]);
    atNewest.close();
    fromZero.close();
  });

  it("logs why a stream ended, with the request's id", async () => {
    const stream = await open(events);
    expect(stream.status).toBe(200);
    const requestId = stream.headers["x-request-id"];
    await new Promise((r) => setTimeout(r, 50));
    stream.close();
    const line = await logged((l) => l.msg === "wall stream ended: client closed" && l.requestId === requestId);
    expect(line.level).toBe("info");
    expect(extra(line)).toMatchObject({ wallId, reason: "client closed" });
  });

  it("logs the shutdown that ends the streams", async () => {
    const shutdownLines: Record<string, unknown>[] = [];
    const other = await startTestApp({
      logger: createLogger("info", { write: (l) => shutdownLines.push(JSON.parse(l) as Record<string, unknown>) }),
    });
    const staff = await createPerson(other.database, "staff");
    const cookie = await signIn(other, staff.email, staff.password);
    const created = await api(other, "/api/walls", { method: "POST", cookie, body: { title: "Sammutus" } });
    const stream = await open(`${other.url}/api/walls/${(created.json as unknown as { id: string }).id}/events`);
    expect(stream.status).toBe(200);
    await new Promise((r) => setTimeout(r, 50));
    await other.close();
    await expect.poll(() => stream.ended()).toBe(true);
    expect(shutdownLines).toContainEqual(
      expect.objectContaining({ msg: "wall streams ended: the server is shutting down", extra: { streams: 1 } }),
    );
  });
});

describe("the hub's own ends", () => {
  it("marks a stream it cut off for not keeping up, and never writes to it again", async () => {
    const log: OutgoingChange[] = [];
    const hub = new WallHub(
      async (_wall, after) => log.filter((c) => c.seq > after),
      () => {},
    );
    const written: string[] = [];
    const state = {
      writableLength: 10 * 1024 * 1024,
      writableEnded: false,
      write(chunk: string) {
        written.push(chunk);
        return true;
      },
      end() {
        state.writableEnded = true;
      },
    };
    const subscriber = { response: state as unknown as ServerResponse, moderator: false, lastSeq: 0, pending: null };
    await hub.subscribe("w", subscriber, 0);
    log.push({ seq: 1, publicFrame: sseFrame(1, "change", {}), moderatorFrame: null });
    hub.notify("w");
    await new Promise((r) => setTimeout(r, 10));
    expect(subscriber).toMatchObject({ ended: "too slow" });
    state.writableLength = 0;
    log.push({ seq: 2, publicFrame: sseFrame(2, "change", {}), moderatorFrame: null });
    hub.notify("w");
    await new Promise((r) => setTimeout(r, 10));
    expect(written).toEqual([]);
  });
});
