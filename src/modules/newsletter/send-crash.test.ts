import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, prepareApp, signIn } from "../../../bench/app-process.ts";
import { startSmtpServer } from "../../../test/support/smtp.ts";
import { insertConfirmedSubscribers } from "./test-fixture.ts";

/**
 * The real server process is killed with SIGKILL in the middle of sending an issue to thousands, then started again
 * on the same PGlite folder (or PostgreSQL database with TEST_DATABASE_URL). Every confirmed subscriber must receive
 * the issue, and only a hand-off under way at the kill may arrive twice: at most NEWSLETTER_CONCURRENCY of them.
 */

const pgServerUrl = process.env.TEST_DATABASE_URL;
const subscriberCount = 3000;
const concurrency = 4;

describe(`newsletter send through kill -9 of the server (${pgServerUrl ? "PostgreSQL" : "PGlite"})`, () => {
  let app: AppProcess | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await prepareApp({
      driver: pgServerUrl ? "postgres" : "pglite",
      pgServerUrl,
      label: "newsletter_crash_test",
      env: {
        LOG_LEVEL: "error",
        SMTP_URL: smtp.url,
        JOBS_POLL_SECONDS: "0.5",
        MAIL_RATE_PER_MINUTE: "60000",
        NEWSLETTER_BATCH_SIZE: "50",
        NEWSLETTER_CONCURRENCY: String(concurrency),
        // Claims older than this are taken as lost in the crash (the restart comes within a few seconds).
        NEWSLETTER_CLAIM_SECONDS: "3",
      },
      prepare: async (db) => {
        await insertConfirmedSubscribers(db, subscriberCount, { prefix: "kaatuminen" });
      },
    });
    await app.start();
  }, 180_000);

  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  }, 60_000);

  it("finishes the send after a crash mid-send: nobody left out, repeats only of hand-offs in flight", async () => {
    if (!app) throw new Error("no server");
    const { base } = app;
    const cookie = await signIn(base, app.staff.email, app.staff.password);
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}/api/newsletter${path}`, {
        method,
        headers: { origin: base, cookie, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const issue = await call("POST", "/issues", { subject: "Kaatumistesti", introduction: "Hei!", locale: "fi" });
    const received = () => smtp.inbox.filter((m) => m.subject === "Kaatumistesti");
    await call("POST", `/issues/${issue.id}/send`);

    // Killed in the middle, inside a batch: a third of the recipients (and a few) have it.
    const midway = Date.now() + 120_000;
    while (received().length < Math.floor(subscriberCount / 3) + 17 && Date.now() < midway)
      await new Promise((r) => setTimeout(r, 20));
    await app.stop("SIGKILL");
    const beforeKill = received().length;
    expect(beforeKill).toBeLessThan(subscriberCount);

    await app.start();
    const restartedCookie = await signIn(base, app.staff.email, app.staff.password);
    const progress = async () =>
      (await (
        await fetch(`${base}/api/newsletter/issues/${issue.id}/progress`, { headers: { cookie: restartedCookie } })
      ).json()) as { status: string; sent: number; failed: number; left: number; total: number };
    const deadline = Date.now() + 240_000;
    let last = await progress();
    while (last.status !== "sent" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      last = await progress();
    }
    // A little longer: a repeat would come now.
    await new Promise((r) => setTimeout(r, 3000));
    expect(last).toMatchObject({ status: "sent", total: subscriberCount, sent: subscriberCount, failed: 0, left: 0 });

    const mails = received();
    const addresses = new Set(mails.map((m) => m.to));
    const expected = Array.from({ length: subscriberCount }, (_, i) => `kaatuminen-${i}@example.test`);
    expect([...addresses].sort()).toEqual([...expected].sort());
    const duplicates = mails.length - addresses.size;
    // A repeat is the same message (same Message-ID), so a mail program can tell.
    const messageIds = new Set(mails.map((m) => m.headers["message-id"]));
    expect(messageIds.size).toBe(subscriberCount);
    console.log(
      `newsletter crash test (${app.driver}): ${beforeKill} of ${subscriberCount} received before the kill, ` +
        `${duplicates} received twice (concurrency ${concurrency})`,
    );
    expect(duplicates).toBeLessThanOrEqual(concurrency);
  }, 420_000);
});
