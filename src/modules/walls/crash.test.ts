import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, createWall, prepareApp, signIn } from "../../../bench/app-process.ts";
import { openStream, type SseEvent } from "../../../test/support/sse.ts";

/**
 * The real server process (`node --import tsx src/main.ts`) is killed with
 * SIGKILL while posts stream in, then started again on the same PGlite folder
 * (or the same PostgreSQL database with TEST_DATABASE_URL). Nothing a client
 * was told is saved may be lost, and live subscribers that come back with
 * Last-Event-ID must end up with every change exactly once, in order.
 */

const pgServerUrl = process.env.TEST_DATABASE_URL;
const postsPerSecond = 20;
const participantsCount = 8;
/** Each participant posts at most this often before the restart (the limit is 10 a minute). */
const postsPerParticipant = 9;

interface SentPost {
  marker: string;
  idempotencyKey: string;
  cookie: string;
  /** The HTTP status, "failed" when no answer came (connection refused or cut), "pending" before. */
  status: number | "failed" | "pending";
}

type Stream = Awaited<ReturnType<typeof openStream>>;

/** A live subscriber that keeps every event it was sent across reconnections. */
class Subscriber {
  private stream: Stream | null = null;
  /** What earlier connections received. */
  private before: SseEvent[] = [];

  constructor(private readonly url: string) {}

  async connect(lastEventId?: number) {
    this.stream = await openStream(this.url, lastEventId === undefined ? {} : { lastEventId });
    expect(this.stream.status).toBe(200);
  }

  /** Every event received so far, over all connections. */
  get events(): SseEvent[] {
    return [...this.before, ...(this.stream?.events ?? [])];
  }

  get lastId(): number {
    return this.events.at(-1)?.id ?? 0;
  }

  /** After the server died: keep what this connection got (its reader has ended). */
  async dropped() {
    await this.stream?.close();
    this.before = this.events;
    this.stream = null;
  }

  async close() {
    await this.stream?.close();
  }
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe(`a wall through kill -9 of the server (${pgServerUrl ? "PostgreSQL" : "PGlite"})`, () => {
  let app: AppProcess | undefined;
  const subscribers: Subscriber[] = [];

  beforeAll(async () => {
    app = await prepareApp({
      driver: pgServerUrl ? "postgres" : "pglite",
      pgServerUrl,
      label: "crash_test",
      env: { LOG_LEVEL: "error" },
    });
    await app.start();
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(subscribers.map((s) => s.close()));
    // Kills the server if it is still running, then removes its folder / drops its database.
    await app?.dispose();
  }, 60_000);

  it("keeps every acknowledged post and resumes every stream without gaps or repeats", async () => {
    if (!app) throw new Error("no server");
    const { base } = app;
    const staffCookie = await signIn(base, app.staff.email, app.staff.password);
    const wallId = await createWall(base, staffCookie, "Kaatumistesti");
    const wallUrl = `${base}/api/walls/${wallId}`;

    const post = async (sent: SentPost): Promise<number | "failed"> => {
      try {
        const response = await fetch(`${wallUrl}/posts`, {
          method: "POST",
          headers: { "content-type": "application/json", origin: base, cookie: sent.cookie },
          body: JSON.stringify({ body: `Viesti ${sent.marker}`, idempotencyKey: sent.idempotencyKey }),
          signal: AbortSignal.timeout(15_000),
        });
        await response.text();
        return response.status;
      } catch {
        return "failed";
      }
    };

    // Participants: each browser gets its cookie from its first request.
    const cookies: string[] = [];
    for (let i = 0; i < participantsCount; i++) {
      const response = await fetch(wallUrl, { headers: { origin: base } });
      await response.text();
      const cookie = response.headers.getSetCookie().find((c) => c.startsWith("uudistamo_participant="));
      if (!cookie) throw new Error("no participant cookie");
      cookies.push(cookie.split(";")[0] ?? "");
    }

    for (let i = 0; i < 3; i++) {
      const subscriber = new Subscriber(`${wallUrl}/events`);
      await subscriber.connect();
      subscribers.push(subscriber);
    }

    // A steady stream of posts; the server is killed while they keep coming.
    const sent: SentPost[] = [];
    const inFlight: Promise<void>[] = [];
    const capacity = participantsCount * postsPerParticipant;
    let killedAt = -1;
    const started = Date.now();
    const send = (i: number) => {
      const entry: SentPost = {
        marker: `crash-${i}`,
        idempotencyKey: `crash-test-${wallId}-${i}`,
        cookie: cookies[i % participantsCount] ?? "",
        status: "pending",
      };
      sent.push(entry);
      const answered = post(entry).then((status) => {
        entry.status = status;
      });
      inFlight.push(answered);
      return answered;
    };
    for (let i = 0; i < capacity; i++) {
      const due = started + (i * 1000) / postsPerSecond;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
      if (killedAt >= 0) {
        // Half a second more of posts to a server that is gone.
        if (i >= killedAt + postsPerSecond / 2) break;
        send(i);
      } else if (sent.filter((s) => typeof s.status === "number").length < 15) {
        send(i);
      } else {
        // A burst of posts, and the kill as soon as the first is answered: the others are being
        // written then, and one may be saved without its answer ever reaching the browser.
        const burst = [send(i)];
        for (let b = 0; b < 9; b++) burst.push(send(++i));
        await Promise.race(burst);
        killedAt = i;
        await app.stop("SIGKILL");
      }
    }
    await Promise.all(inFlight);
    expect(killedAt).toBeGreaterThan(0);
    for (const subscriber of subscribers) await subscriber.dropped();
    // Before the crash every post was either saved (201) or got no answer at all.
    expect(sent.filter((s) => s.status !== 201 && s.status !== "failed")).toEqual([]);
    const acknowledged = sent.filter((s) => s.status === 201);
    const unanswered = sent.filter((s) => s.status === "failed");
    expect(acknowledged.length).toBeGreaterThanOrEqual(15);
    expect(unanswered.length).toBeGreaterThan(0);

    // Start again on the same folder / database: PGlite recovers its folder.
    await app.start();

    // Every subscriber comes back with the last id it saw.
    for (const subscriber of subscribers) await subscriber.connect(subscriber.lastId);

    // The browsers retry what got no answer, with the same idempotency keys: saved ones are not posted twice.
    for (const entry of unanswered) {
      const status = await post(entry);
      expect([200, 201]).toContain(status);
      entry.status = status;
    }
    // A retry of a post that was answered before the crash finds it: the idempotency key was saved with it.
    for (const entry of acknowledged.slice(-3)) expect(await post(entry)).toBe(200);
    // And the wall goes on.
    for (let i = 0; i < 5; i++) {
      const entry: SentPost = {
        marker: `after-${i}`,
        idempotencyKey: `crash-test-${wallId}-after-${i}`,
        cookie: cookies[i] ?? "",
        status: "pending",
      };
      entry.status = await post(entry);
      expect(entry.status).toBe(201);
      sent.push(entry);
    }

    // Every acknowledged post is there after the restart, and no post is there twice.
    const listResponse = await fetch(`${wallUrl}/posts`, { headers: { origin: base } });
    const list = (await listResponse.json()) as { posts: { html: string }[]; seq: number };
    // What a reader sees of each post (the list carries the rendered html, not the Markdown source).
    const bodies = list.posts.map((p) => p.html.replace(/<[^>]*>/g, "").trim());
    for (const entry of acknowledged) expect(bodies).toContain(`Viesti ${entry.marker}`);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(bodies.sort()).toEqual(sent.map((s) => `Viesti ${s.marker}`).sort());

    // The wall's whole log, read from the start by a fresh stream: seqs 1..N.
    const lastSeq = list.seq;
    expect(lastSeq).toBe(sent.length);
    const everything = await openStream(`${wallUrl}/events`, { lastEventId: 0 });
    try {
      await everything.waitFor((e) => e.id === lastSeq, 15_000);
      const allSeqs = everything.events.map((e) => e.id);
      expect(allSeqs).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));

      // Each subscriber got every change exactly once, in order, and the same change as the fresh stream.
      for (const subscriber of subscribers) {
        await waitUntil(
          () => subscriber.lastId >= lastSeq,
          15_000,
          () => `subscriber at ${subscriber.lastId} of ${lastSeq}`,
        );
        expect(subscriber.events.map((e) => e.id)).toEqual(allSeqs);
        expect(subscriber.events.map((e) => JSON.stringify(e.data))).toEqual(
          everything.events.map((e) => JSON.stringify(e.data)),
        );
      }
    } finally {
      await everything.close();
    }
  }, 120_000);
});
