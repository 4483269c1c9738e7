/**
 * `npx tsx bench/wall-export.ts` — the server's memory while a wall of
 * 100,000 posts is exported as CSV and as XLSX (issue 13: the exports stream,
 * RSS rising by at most 200 MB). PGlite, and PostgreSQL at
 * postgres://postgres@127.0.0.1:5432/test when it is reachable (BENCH_PG_URL to change).
 *
 * The rise is the highest RSS of the server process seen during the download
 * (read from /proc every 50 ms) less its RSS after a full GC just before it.
 * Writes bench/results/wall-export/<timestamp>.json and latest.json there.
 */
import { readFileSync } from "node:fs";
import { sql } from "drizzle-orm";
import type { Database } from "../src/db/client.ts";
import { pgReachable, prepareApp, signIn } from "./app-process.ts";
import { writeResults } from "./results.ts";

const posts = Number(process.env.BENCH_POSTS ?? 100_000);
const limitMb = 200;
const pgUrl = process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/test";

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

async function exportOnce(base: string, cookie: string, slug: string, format: "csv" | "xlsx", pid: number) {
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid));
  }, 50);
  const started = performance.now();
  const response = await fetch(`${base}/w/${slug}/export.${format}`, { headers: { cookie } });
  if (!response.ok || !response.body) throw new Error(`export.${format}: ${response.status}`);
  let bytes = 0;
  const reader = response.body.getReader();
  for (let part = await reader.read(); !part.done; part = await reader.read()) bytes += part.value.length;
  clearInterval(timer);
  peak = Math.max(peak, rssOf(pid));
  return { bytes, seconds: (performance.now() - started) / 1000, peakRss: peak };
}

async function run(driver: "pglite" | "postgres") {
  const slug = "bench1";
  const app = await prepareApp({
    driver,
    pgServerUrl: pgUrl,
    label: "wall-export",
    gcHook: true,
    prepare: async (db: Database["db"]) => {
      // Both drivers' results carry `rows`.
      const inserted = (await db.execute(
        sql`insert into walls (slug, title) values (${slug}, 'Bench: export') returning id`,
      )) as unknown as { rows: { id: string }[] };
      const wall = inserted.rows[0];
      await db.execute(sql`
        insert into wall_posts (wall_id, body, body_html, author_name, participant_hash, idempotency_key, created_at)
        select ${wall?.id}::uuid, 'Viesti numero ' || n || ', jossa on vähän tekstiä; "lainaus" ja rivinvaihto' || chr(10) || 'tässä.',
               null, 'Osallistuja ' || n, 'bench-' || n, 'bench-' || n, now() - make_interval(secs => n)
        from generate_series(1, ${posts}::int) as n`);
    },
  });
  try {
    await app.start();
    const pid = app.child()?.pid;
    if (!pid) throw new Error("no server process");
    const cookie = await signIn(app.base, app.staff.email, app.staff.password);
    const results: Record<string, unknown> = {};
    for (const format of ["csv", "xlsx"] as const) {
      const before = await app.memory();
      const done = await exportOnce(app.base, cookie, slug, format, pid);
      const riseMb = (done.peakRss - before.rss) / 2 ** 20;
      results[format] = {
        bytes: done.bytes,
        seconds: Number(done.seconds.toFixed(1)),
        rssBeforeMb: Number((before.rss / 2 ** 20).toFixed(1)),
        peakRssMb: Number((done.peakRss / 2 ** 20).toFixed(1)),
        riseMb: Number(riseMb.toFixed(1)),
        withinLimit: riseMb <= limitMb,
      };
      console.log(
        `${driver} ${format}: ${done.bytes} bytes in ${done.seconds.toFixed(1)} s, RSS rise ${riseMb.toFixed(1)} MB`,
      );
    }
    return results;
  } finally {
    await app.dispose();
  }
}

const startedAt = new Date();
const results: Record<string, unknown> = { posts, limitMb };
results.pglite = await run("pglite");
if (await pgReachable(pgUrl)) results.postgres = await run("postgres");
else console.log(`PostgreSQL at ${pgUrl} not reachable: skipped`);
for (const file of writeResults("bench/results/wall-export", "wall-export", startedAt, results)) console.log(file);
