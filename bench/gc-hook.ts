/**
 * Preloaded into the measured servers (Uudistamo and the bare broadcaster
 * alike) with `node --expose-gc --import tsx --import ./bench/gc-hook.ts`:
 * on SIGUSR2 it runs a full garbage collection and prints the process's memory
 * on one line, so the bench reads memory after the same forced GC in both.
 * It changes nothing else in the process.
 */
const collect = (globalThis as { gc?: () => void }).gc;

process.on("SIGUSR2", () => {
  collect?.();
  collect?.();
  const usage = process.memoryUsage();
  process.stdout.write(
    `BENCH_MEM ${JSON.stringify({ gc: Boolean(collect), rss: usage.rss, heapUsed: usage.heapUsed, external: usage.external })}\n`,
  );
});
