import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { TestClock } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { createLogger } from "../logger.ts";
import { recordAudit } from "../modules/audit/record.ts";
import { auditEvents } from "../modules/audit/schema.ts";
import { createJobQueue, type JobQueue, type JobQueueOptions } from "./queue.ts";

const logger = createLogger("silent");
const queueOn = (database: Database, options: Partial<JobQueueOptions> = {}) =>
  createJobQueue(database, { logger, pollingIntervalSeconds: 0.5, ...options });

/** Waits until `check` holds, polling; fails after the deadline (no timing is asserted). */
async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the job queue", () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("queues a job sent in a transaction only if the transaction commits", async () => {
    const queue = queueOn(database);
    const ran: string[] = [];
    queue.define<{ label: string }>("test.outbox", async (data) => {
      ran.push(data.label);
    });
    await queue.start();
    try {
      const write = (label: string) =>
        database.db.transaction(async (tx) => {
          await recordAudit(tx, { actorId: null, module: "test", action: label, targetType: "test" });
          await queue.send("test.outbox", { label }, { tx });
          if (label === "rolled-back") throw new Error("the write fails after queueing");
        });
      await write("committed");
      await expect(write("rolled-back")).rejects.toThrow("the write fails");
      await eventually(() => ran.length > 0);
      await eventually(async () => (await queue.overview()).counts.completed === 1);
      const overview = await queue.overview();
      expect(overview.counts).toEqual({ queued: 0, running: 0, failed: 0, completed: 1 });
      expect(ran).toEqual(["committed"]);
      const audited = await database.db.select().from(auditEvents).where(eq(auditEvents.module, "test"));
      expect(audited.map((row) => row.action)).toEqual(["committed"]);
    } finally {
      await queue.stop();
    }
  });

  it("spaces paced jobs at the rate, after the ones of the same kind still waiting", async () => {
    const queue = queueOn(database, { runWorkers: false });
    queue.define("test.paced", async () => {});
    await queue.start();
    try {
      await queue.sendPaced("test.paced", [{ n: 1 }, { n: 2 }, { n: 3 }], 6);
      await queue.sendPaced("test.paced", [{ n: 4 }, { n: 5 }], 6);
      const { rows } = (await database.db.execute(
        sql`select start_after from pgboss.job where name = 'test.paced' order by start_after`,
      )) as unknown as { rows: { start_after: Date | string }[] };
      const times = rows.map((row) => new Date(row.start_after).getTime());
      expect(times).toHaveLength(5);
      // Six a minute: ten seconds apart, and the second batch continues where the first ends.
      expect(times.slice(1).map((time, i) => time - (times[i] ?? 0))).toEqual([10_000, 10_000, 10_000, 10_000]);
    } finally {
      await queue.stop();
    }
  });

  it("runs a cron schedule when its minute comes", async () => {
    const clock = new TestClock("2030-01-01T08:00:10Z");
    const queue = queueOn(database, { clock });
    const runs: unknown[] = [];
    queue.define<{ report: string }>("test.cron", async (data) => {
      runs.push(data);
    });
    await queue.schedule("test.cron", "* * * * *", { report: "weekly" });
    await queue.start();
    try {
      for (let step = 0; step < 20 && runs.length === 0; step += 1) {
        await clock.tick(15_000);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(runs[0]).toEqual({ report: "weekly" });
    } finally {
      await queue.stop();
    }
  });

  it("refuses to send a job no one has defined", async () => {
    const queue = queueOn(database, { runWorkers: false });
    await queue.start();
    try {
      await expect(queue.send("test.nobody", {})).rejects.toThrow("no job named test.nobody");
    } finally {
      await queue.stop();
    }
  });
});

/**
 * The same database opened again, as after a restart: PGlite from its folder on disk,
 * PostgreSQL by its URL (TEST_DATABASE_URL, the integration-pg project).
 */
async function restartableDatabase(): Promise<{
  first: Database;
  reopen(): Promise<Database>;
  cleanup(): Promise<void>;
}> {
  if (process.env.TEST_DATABASE_URL) {
    const first = await openTestDatabase();
    const url = first.url ?? "";
    const opened: Database[] = [];
    return {
      first,
      reopen: async () => {
        const again = await openDatabase({ url });
        opened.push(again);
        return again;
      },
      cleanup: async () => {
        for (const d of opened) await d.close();
        await first.close();
      },
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "uudistamo-jobs-"));
  const first = await openDatabase({ dataDir: dir });
  await first.migrate();
  let last: Database = first;
  return {
    first,
    reopen: async () => {
      last = await openDatabase({ dataDir: dir });
      return last;
    },
    cleanup: async () => {
      await last.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe("jobs across a restart", () => {
  it("runs after a restart a job queued before it", async () => {
    const databases = await restartableDatabase();
    let after: JobQueue | null = null;
    try {
      // Before: this process queues and stops before anything runs the job.
      const before = queueOn(databases.first, { runWorkers: false });
      before.define("test.durable", async () => {});
      await before.start();
      const id = await before.send("test.durable", { note: "queued before the restart" });
      await before.stop();
      if (!process.env.TEST_DATABASE_URL) await databases.first.close();

      const database = await databases.reopen();
      after = queueOn(database);
      const ran: { id: string; data: unknown }[] = [];
      after.define("test.durable", async (data, job) => {
        ran.push({ id: job.id, data });
      });
      await after.start();
      await eventually(() => ran.length > 0);
      expect(ran).toEqual([{ id, data: { note: "queued before the restart" } }]);
    } finally {
      await after?.stop();
      await databases.cleanup();
    }
  });
});
