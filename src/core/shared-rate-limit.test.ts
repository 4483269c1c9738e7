import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "../db/client.ts";
import { rateLimitWindows } from "./rate-limit-schema.ts";
import { createSharedCounters } from "./shared-rate-limit.ts";

const minute = 60_000;
const at = (ms: number) => new Date(Date.UTC(2018, 2, 14, 12) + ms);

describe("shared fixed-window counters (rate_limit_windows)", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("keep their count in the database, so another counter object (another instance, a restart) continues it", async () => {
    const first = createSharedCounters(database.db, { prefix: "t1", windowMs: minute });
    expect(await first.add({ a: 1, b: 0 }, at(0))).toEqual({ a: 1, b: 0 });
    expect(await first.add({ a: 1, b: 1 }, at(1000))).toEqual({ a: 2, b: 1 });
    const second = createSharedCounters(database.db, { prefix: "t1", windowMs: minute });
    expect(await second.add({ a: 1 }, at(2000))).toEqual({ a: 3 });
    const other = createSharedCounters(database.db, { prefix: "t2", windowMs: minute });
    expect(await other.add({ a: 1 }, at(2000))).toEqual({ a: 1 });
  });

  it("never give two concurrent callers the same count, so only one of them gets the last attempt", async () => {
    const counters = createSharedCounters(database.db, { prefix: "race", windowMs: minute });
    const now = new Date();
    const counts = await Promise.all(
      Array.from({ length: 40 }, async () => (await counters.add({ k: 1 }, now)).k ?? 0),
    );
    expect(counts.sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("start a new window once the old one has expired", async () => {
    const counters = createSharedCounters(database.db, { prefix: "expiry", windowMs: minute });
    await counters.add({ k: 5 }, at(0));
    expect(await counters.add({ k: 1 }, at(minute - 1))).toEqual({ k: 6 });
    expect(await counters.add({ k: 1 }, at(minute))).toEqual({ k: 1 });
    expect(await counters.add({ k: 1 }, at(minute + 10))).toEqual({ k: 2 });
  });

  it("delete expired windows now and then, only their own", async () => {
    const counters = createSharedCounters(database.db, { prefix: "sweep", windowMs: minute, sweepEvery: 3 });
    const neighbour = createSharedCounters(database.db, { prefix: "sweepy", windowMs: minute });
    await neighbour.add({ old: 1 }, at(0));
    await counters.add({ old: 1 }, at(0));
    await counters.add({ fresh: 1 }, at(2 * minute));
    const keys = async () =>
      (await database.db.select({ key: rateLimitWindows.key }).from(rateLimitWindows)).map((r) => r.key);
    expect(await keys()).toContain("sweep:old");
    // The third add sweeps: the expired window goes, the current one and the other limiter's stay.
    await counters.add({ fresh: 1 }, at(2 * minute + 1));
    expect(await keys()).not.toContain("sweep:old");
    expect(await keys()).toEqual(expect.arrayContaining(["sweep:fresh", "sweepy:old"]));
    const [fresh] = await database.db.select().from(rateLimitWindows).where(eq(rateLimitWindows.key, "sweep:fresh"));
    expect(fresh?.count).toBe(2);
  });
});
