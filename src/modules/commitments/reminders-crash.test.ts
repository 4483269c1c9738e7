import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppProcess, prepareApp, signIn } from "../../../bench/app-process.ts";
import { startSmtpServer } from "../../../test/support/smtp.ts";
import { addDays, helsinkiDate } from "../../core/dates.ts";

/**
 * The real server process is killed with SIGKILL while the reminder sweep runs, then started again on the same
 * PGlite folder (or PostgreSQL database with TEST_DATABASE_URL). Every due reminder must reach the SMTP server
 * exactly once: the ones recorded before the kill have their mail job in the same committed transaction, the
 * others are found by the next sweep.
 */

const pgServerUrl = process.env.TEST_DATABASE_URL;
const contractCount = 60;

describe(`contract reminders through kill -9 of the server (${pgServerUrl ? "PostgreSQL" : "PGlite"})`, () => {
  let app: AppProcess | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    app = await prepareApp({
      driver: pgServerUrl ? "postgres" : "pglite",
      pgServerUrl,
      label: "reminder_crash_test",
      env: { LOG_LEVEL: "error", SMTP_URL: smtp.url, JOBS_POLL_SECONDS: "0.5" },
    });
    await app.start();
  }, 120_000);

  afterAll(async () => {
    await app?.dispose();
    await smtp?.close();
  }, 60_000);

  it("sends every due reminder once after a crash just as the sweep starts", async () => {
    if (!app) throw new Error("no server");
    const { base } = app;
    const cookie = await signIn(base, app.staff.email, app.staff.password);
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${base}/api/commitments${path}`, {
        method,
        headers: { origin: base, cookie, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const me = (await (await fetch(`${base}/api/me`, { headers: { cookie } })).json()) as { id: string };
    const folder = (await call("POST", "/folders", { name: "Kaatumistesti" })) as { id: string };
    const today = helsinkiDate();
    for (let i = 0; i < contractCount; i++)
      await call("POST", "/contracts", {
        folderId: folder.id,
        type: "contract",
        number: `KAATO-${i}`,
        name: `Sopimus ${i}`,
        responsibleId: me.id,
        startDate: addDays(today, 3).toString(),
        endDate: addDays(today, 200).toString(),
        status: "active",
      });

    // SMTP is down while the sweep runs, so no mail is half-sent at the kill; the queued mail waits for it.
    await smtp.stop();
    // The folder's defaults make every start reminder due: the write queues the sweep, and it starts at once.
    await call("PUT", `/folders/${folder.id}/reminders`, { startDays: 5 });
    // Killed as soon as the write has answered: its transaction queued the sweep, which is starting or running.
    await app.stop("SIGKILL");

    await smtp.start();
    await app.start();
    const recorded = ((await call("GET", "/reminders/due?limit=200")).items as unknown[]).length;
    // The killed sweep counts as failed after its expiry and runs again; any write making a reminder due
    // queues one at once, as this one does, so the test need not wait for that.
    await call("PUT", `/folders/${folder.id}/reminders`, { startDays: 5 });

    const subjects = () =>
      smtp.inbox
        .filter((m) => m.to.includes(app?.staff.email ?? "?"))
        .map((m) => ({
          subject: m.subject,
          messageId: m.headers["message-id"],
        }));
    const waitUntil = Date.now() + 150_000;
    while (subjects().length < contractCount && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 250));
    // A little longer: a repeat would come now.
    await new Promise((r) => setTimeout(r, 3000));
    const received = subjects();
    const expected = Array.from({ length: contractCount }, (_, i) => `KAATO-${i}`);
    const numbers = received.map((m) => /KAATO-\d+/.exec(m.subject)?.[0]).sort();
    expect(numbers).toEqual([...expected].sort());
    expect(new Set(received.map((m) => m.messageId)).size).toBe(contractCount);
    const list = (await call("GET", "/reminders/due?limit=200")).items as unknown[];
    expect(list).toHaveLength(contractCount);
    console.log(`reminder crash test: ${recorded} of ${contractCount} recorded before the kill`);
  }, 300_000);
});
