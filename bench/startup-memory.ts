/**
 * `npx tsx bench/startup-memory.ts` (also run by `npm run bench`'s --only startup) — the server's resident
 * memory right after start (once /readyz answers, after a full GC), on PGlite and on PostgreSQL, against the
 * bare node:http server (bench/bare-broadcaster.ts) with the same drivers, started the same way in the same run.
 *
 *   app on PostgreSQL − bare on PostgreSQL   the app's own memory (code, modules, services)
 *   app on PGlite − app on PostgreSQL        what embedding the database costs in the app
 *   bare on PGlite − bare on PostgreSQL      the same for the bare server (PGlite on its own)
 *
 * Flags: --runs <n> (default 3; medians), --name <name>. Env: BENCH_DATABASE_URL (PostgreSQL server).
 * Writes bench/results/startup-memory/<name>-<timestamp>.json and latest.json there.
 */
import path from "node:path";
import { type AppProcess, pgReachable, prepareApp } from "./app-process.ts";
import { type BareProcess, prepareBare } from "./bare-process.ts";
import { rootDir } from "./procs.ts";
import { writeResults } from "./results.ts";
import { ratio, round } from "./stats.ts";

const args = process.argv.slice(2);
const argValue = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const runs = Number(argValue("--runs") ?? 3);
const name = argValue("--name") ?? "startup";
const pgServerUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

const mib = (bytes: number) => round(bytes / 2 ** 20, 1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

type Server = Pick<AppProcess | BareProcess, "start" | "memory" | "dispose">;

/** Starts a fresh server, reads its memory after a full GC, removes it; the median RSS over `runs` starts. */
async function rssAfterStart(make: () => Promise<Server>): Promise<{ rssMiB: number; heapUsedMiB: number }> {
  const rss: number[] = [];
  const heap: number[] = [];
  for (let run = 0; run < runs; run++) {
    const server = await make();
    try {
      await server.start();
      // Let start-up work settle (job queue's first poll, built-ins) before reading.
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const memory = await server.memory();
      rss.push(memory.rss);
      heap.push(memory.heapUsed);
    } finally {
      await server.dispose();
    }
  }
  return { rssMiB: mib(median(rss)), heapUsedMiB: mib(median(heap)) };
}

async function main() {
  const startedAt = new Date();
  const withPg = await pgReachable(pgServerUrl);
  const app = (driver: "pglite" | "postgres") => () =>
    prepareApp({ driver, pgServerUrl, label: `startup-app-${driver}`, gcHook: true });
  const bare = (db: "none" | "pglite" | "postgres") => () =>
    prepareBare({ db, pgServerUrl, label: `startup-bare-${db}` });

  const figures = {
    bareNone: await rssAfterStart(bare("none")),
    barePglite: await rssAfterStart(bare("pglite")),
    appPglite: await rssAfterStart(app("pglite")),
    ...(withPg
      ? { barePostgres: await rssAfterStart(bare("postgres")), appPostgres: await rssAfterStart(app("postgres")) }
      : {}),
  };
  const derived = {
    appOverBareOnPglite: ratio(figures.appPglite.rssMiB, figures.barePglite.rssMiB),
    ...(figures.appPostgres && figures.barePostgres
      ? {
          appOverBareOnPostgres: ratio(figures.appPostgres.rssMiB, figures.barePostgres.rssMiB),
          appOwnMiB: round(figures.appPostgres.rssMiB - figures.barePostgres.rssMiB, 1),
          pgliteInAppMiB: round(figures.appPglite.rssMiB - figures.appPostgres.rssMiB, 1),
          pgliteInBareMiB: round(figures.barePglite.rssMiB - figures.barePostgres.rssMiB, 1),
        }
      : {}),
  };
  const results = { startedAt, runs, machine: { node: process.version }, figures, derived };
  for (const [label, value] of Object.entries(figures))
    console.log(`${label.padEnd(14)} RSS ${value.rssMiB} MiB, heap ${value.heapUsedMiB} MiB`);
  console.log(JSON.stringify(derived));
  const files = writeResults(path.join(rootDir, "bench/results/startup-memory"), name, startedAt, results);
  console.log(`wrote ${files.join(", ")}`);
}

await main();
