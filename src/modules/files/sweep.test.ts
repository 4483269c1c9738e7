import { eq, inArray } from "drizzle-orm";
import { TestClock } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import type { Database } from "../../db/client.ts";
import { createJobQueue } from "../../jobs/queue.ts";
import { createLogger } from "../../logger.ts";
import { fileUploads, storedFiles } from "./schema.ts";
import { createDatabaseFileStore } from "./store.ts";
import { removeUnusedUploads, scheduleUnusedUploadSweep, unusedUploadMaxAgeMs } from "./sweep.ts";

describe("removing unused uploads", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);
  const upload = async (createdAt: Date, used: boolean) => {
    const files = createDatabaseFileStore(database.db);
    const { id } = await files.put({ data: new Uint8Array([1, 2, 3]), mimeType: "application/pdf", name: "a.pdf" });
    await database.db.insert(fileUploads).values({
      id,
      scope: "wall",
      scopeId: crypto.randomUUID(),
      uploader: "participant-hash",
      kind: "file",
      mimeType: "application/pdf",
      name: "a.pdf",
      used,
      createdAt,
    });
    return id;
  };

  it("deletes an old upload no post used, with its stored file; keeps used and fresh ones", async () => {
    const oldUnused = await upload(hoursAgo(25), false);
    const oldUsed = await upload(hoursAgo(25), true);
    const fresh = await upload(hoursAgo(1), false);
    const ids = [oldUnused, oldUsed, fresh];

    const removed = await removeUnusedUploads(database.db, new Date(Date.now() - unusedUploadMaxAgeMs));
    expect(removed).toBe(1);
    const uploads = await database.db
      .select({ id: fileUploads.id })
      .from(fileUploads)
      .where(inArray(fileUploads.id, ids));
    expect(uploads.map((u) => u.id).sort()).toEqual([oldUsed, fresh].sort());
    const stored = await database.db
      .select({ id: storedFiles.id })
      .from(storedFiles)
      .where(inArray(storedFiles.id, ids));
    expect(stored.map((f) => f.id).sort()).toEqual([oldUsed, fresh].sort());
    expect(await database.db.select().from(storedFiles).where(eq(storedFiles.id, oldUnused))).toEqual([]);

    // Nothing more to do on a second sweep.
    expect(await removeUnusedUploads(database.db, new Date(Date.now() - unusedUploadMaxAgeMs))).toBe(0);
  });

  it("works through more unused uploads than one batch", async () => {
    const many = await Promise.all(Array.from({ length: 520 }, () => upload(hoursAgo(30), false)));
    expect(await removeUnusedUploads(database.db, hoursAgo(24))).toBe(520);
    const left = await database.db
      .select({ id: fileUploads.id })
      .from(fileUploads)
      .where(inArray(fileUploads.id, many));
    expect(left).toEqual([]);
  });

  it("runs as an hourly job on the job queue (one run across instances), on the queue's cron", async () => {
    const oldUnused = await upload(hoursAgo(26), false);
    const fresh = await upload(hoursAgo(2), false);
    // Just before the sweep's minute (17 past the hour): the schedule fires when the clock passes it.
    const clock = new TestClock("2030-01-01T08:16:40Z");
    const queue = createJobQueue(database, { logger: createLogger("silent"), pollingIntervalSeconds: 0.5, clock });
    await scheduleUnusedUploadSweep(queue, database.db, createLogger("silent"));
    await queue.start();
    // Nothing else sweeps (no timer in the platform): until the queue runs the job, the upload stays.
    const left = async () =>
      (await database.db.select({ id: fileUploads.id }).from(fileUploads).where(eq(fileUploads.id, oldUnused))).length;
    try {
      for (let step = 0; step < 40 && (await left()) > 0; step += 1) {
        await clock.tick(15_000);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(await left()).toBe(0);
      expect(await database.db.select().from(fileUploads).where(eq(fileUploads.id, fresh))).toHaveLength(1);
    } finally {
      await queue.stop();
    }
  });
});
