import { sql } from "drizzle-orm";
import type { Db } from "../db/client.ts";

export interface SharedCounterOptions {
  /** Names this limiter's rows (`prefix:key`), so limiters with other windows never touch them. */
  prefix: string;
  windowMs: number;
  /** Expired rows are deleted on every this many adds (in this process). */
  sweepEvery?: number;
}

/**
 * Fixed-window counters in the database (rate_limit_windows), so a limit holds
 * across restarts and across app instances, unlike the in-memory RateLimiter.
 * Each add is one INSERT … ON CONFLICT DO UPDATE … RETURNING: PostgreSQL locks
 * the row for it, so concurrent callers (on any instance) each get a different
 * count and only one of them gets the last attempt of a window.
 */
export function createSharedCounters(db: Db, { prefix, windowMs, sweepEvery = 500 }: SharedCounterOptions) {
  let adds = 0;
  const rowKey = (key: string) => `${prefix}:${key}`;

  async function sweep(now = new Date()): Promise<void> {
    const expired = new Date(now.getTime() - windowMs).toISOString();
    await db.execute(
      sql`delete from rate_limit_windows where left(key, ${prefix.length + 1}) = ${`${prefix}:`} and window_start <= ${expired}::timestamptz`,
    );
  }

  return {
    /**
     * Adds each amount to its key's count in the current window (an expired
     * window starts again from the amount) and returns the counts after. An
     * amount of 0 reads a count without changing it, in the same statement.
     */
    async add(amounts: Record<string, number>, now = new Date()): Promise<Record<string, number>> {
      if (++adds % sweepEvery === 0) await sweep(now);
      const start = now.toISOString();
      const expired = new Date(now.getTime() - windowMs).toISOString();
      const rows = sql.join(
        Object.entries(amounts).map(([key, amount]) => sql`(${rowKey(key)}, ${start}::timestamptz, ${amount}::int)`),
        sql`, `,
      );
      const result = await db.execute(sql`
        insert into rate_limit_windows as w (key, window_start, count) values ${rows}
        on conflict (key) do update set
          window_start = case when w.window_start <= ${expired}::timestamptz then excluded.window_start else w.window_start end,
          count = case when w.window_start <= ${expired}::timestamptz then excluded.count else w.count + excluded.count end
        returning key, count`);
      const counts: Record<string, number> = {};
      for (const row of (result as unknown as { rows: { key: string; count: number }[] }).rows) {
        counts[row.key.slice(prefix.length + 1)] = Number(row.count);
      }
      return counts;
    },

    sweep,
  };
}

export type SharedCounters = ReturnType<typeof createSharedCounters>;
