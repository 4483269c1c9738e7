/**
 * A fixed-window counter per key, in this process's memory. Good enough to stop
 * a flood from one browser or one address; several instances each keep their
 * own counts (noted in ARCHITECTURE.md). Limits that must hold across
 * restarts and instances (join-code guesses) use shared-rate-limit.ts.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private sweeps = 0;

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt; false when the key has used up its window. */
  take(key: string, now = Date.now()): boolean {
    if (++this.sweeps % 1000 === 0) this.sweep(now);
    const entry = this.windows.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.max;
  }

  private sweep(now: number) {
    for (const [key, entry] of this.windows) if (now - entry.start >= this.windowMs) this.windows.delete(key);
  }
}
