/**
 * `npm run bench` — live-wall figures of Uudistamo against bare node:http
 * baselines measured in the same run on the same machine:
 *
 *   fan-out    latency from just before POST /api/walls/{id}/posts to each of N
 *              SSE subscribers receiving that post's frame (p50/p99), vs the
 *              bare broadcaster (bench/bare-broadcaster.ts)
 *   memory     server RSS per idle subscriber (after a forced GC), same two servers
 *   ingestion  posts/s through the HTTP API with idle subscribers on the wall
 *              (50 keep-alive clients, closed loop), and POST latency at a fixed
 *              500 posts/s (open loop), on PGlite and on PostgreSQL, vs the bare
 *              server doing one INSERT with the same driver and the same broadcast
 *
 *   newsletter an issue to 10,000 subscribers through the in-process SMTP server vs a bare nodemailer loop
 *              (bench/newsletter.ts, its own results in bench/results/newsletter/)
 *   publishing the feeds, front page, blog and archive's server time at 10,000 posts vs 10 (bench/publishing.ts,
 *              its own results in bench/results/publishing/)
 *   wallpage   a 2,000-post wall's Largest Contentful Paint on a 360 px phone in Chromium vs the same HTML and assets
 *              from a bare static server (bench/wall-page.ts, bench/results/wall-page/)
 *   wallexport server RSS rise while 100,000 posts are exported as CSV and XLSX (bench/wall-export.ts,
 *              bench/results/wall-export/)
 *
 * Flags: --quick (1,000 fan-out subscribers; ingestion: the 3 s closed loop only; 2,000 newsletter subscribers),
 *        --name <name>, --only fanout|ingest|newsletter|publishing|wallpage|wallexport (comma-separated),
 *        --subscribers <n> (ingestion's idle subscribers, 0 for none; else BENCH_INGEST_SUBSCRIBERS, 0 too).
 * Env:   BENCH_SUBSCRIBERS, BENCH_POSTS, BENCH_INGEST_SUBSCRIBERS, BENCH_CLIENT_PROCESSES,
 *        BENCH_DATABASE_URL (PostgreSQL server; default DATABASE_URL or postgres://postgres@127.0.0.1:5432/test),
 *        BENCH_SERVER_ENV ("KEY=value KEY2=value": extra settings for the Uudistamo server),
 *        BENCH_VERBOSE=1 (relay the servers' output).
 * Writes bench/results/<name>-<timestamp>.json and bench/results/latest.json.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import os from "node:os";
import path from "node:path";
import { type AppProcess, createWall, pgReachable, prepareApp, signIn } from "./app-process.ts";
import { type BareProcess, prepareBare } from "./bare-process.ts";
import { closedLoop, type LoadResult, openLoop, ParticipantCookies, type PostTarget, send } from "./load.ts";
import { fileLimits, killAll, type Memory, nowMs, rootDir, sleep, wantedFiles } from "./procs.ts";
import { writeResults } from "./results.ts";
import { ratio, round, type Summary, summarize } from "./stats.ts";
import { Subscribers } from "./subscribers.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const argValue = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
};
const only = new Set((argValue("--only") ?? "fanout,ingest,newsletter,publishing,wallpage,wallexport").split(","));
/**
 * A whole number from the environment; unset or empty gives the fallback. 0 is a value, not "unset"
 * (`BENCH_INGEST_SUBSCRIBERS=0`: ingestion with no subscribers), where `zero` allows it.
 */
const envNumber = (name: string, fallback: number, options: { zero?: boolean } = {}) => {
  const raw = process.env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && (value > 0 || (options.zero === true && value === 0)) ? Math.floor(value) : fallback;
};
/** `--subscribers N` (ingestion's idle subscribers; 0: none) wins over BENCH_INGEST_SUBSCRIBERS. */
const subscribersFlag = argValue("--subscribers");

const config = {
  quick,
  subscribers: envNumber("BENCH_SUBSCRIBERS", quick ? 1_000 : 10_000),
  posts: envNumber("BENCH_POSTS", 20),
  postGapMs: 300,
  clientProcesses: envNumber("BENCH_CLIENT_PROCESSES", 2),
  ingestSubscribers:
    subscribersFlag !== undefined && /^\d+$/.test(subscribersFlag)
      ? Number(subscribersFlag)
      : envNumber("BENCH_INGEST_SUBSCRIBERS", 1_000, { zero: true }),
  concurrency: 50,
  closedMs: quick ? 3_000 : 10_000,
  openRate: 500,
  openMs: quick ? 3_000 : 10_000,
  drainMs: quick ? 5_000 : 15_000,
  pgServerUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  /**
   * Settings for the Uudistamo server: all bench traffic comes from
   * 127.0.0.1, so the per-address post limit (300 a minute by default,
   * src/config/env.ts) is set out of the way, or ingestion would measure the
   * limit. The per-participant limit is kept: the bench rotates participants.
   */
  serverEnv: {
    WALL_POSTS_PER_ADDRESS_PER_MINUTE: "1000000",
    ...Object.fromEntries(
      (process.env.BENCH_SERVER_ENV ?? "")
        .split(/[\s,]+/)
        .filter((pair) => pair.includes("="))
        .map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]),
    ),
  } as Record<string, string>,
};
const name = (argValue("--name") ?? (quick ? "quick" : "full")).replace(/[^\w.-]/g, "_");

const startedAt = new Date();
const log = (line: string) => process.stdout.write(`${line}\n`);
const step = (line: string) => log(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)}s] ${line}`);

// Everything started here is disposed on any way out; the whole run has a hard time limit.
const disposers = new Set<() => Promise<void>>();
async function disposeAll() {
  const all = [...disposers];
  disposers.clear();
  await Promise.race([Promise.allSettled(all.map((d) => d())), sleep(20_000)]);
  killAll();
}
const hardLimitMs = (quick ? 6 : 20) * 60_000;
setTimeout(() => {
  console.error(`bench: over the time limit of ${hardLimitMs / 60_000} min; stopping everything`);
  void disposeAll().finally(() => process.exit(1));
}, hardLimitMs).unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`bench: ${signal}; stopping everything`);
    void disposeAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------- helpers

interface FanoutTarget {
  label: string;
  sseUrl: string;
  /** Sends one post carrying marker `bench#n#` in its body. */
  post(n: number): Promise<{ status: number; ms: number }>;
  memory(): Promise<Memory>;
}

/** A few streams and posts before measuring, so both servers have run (and compiled) every path once. */
async function warmUp(target: FanoutTarget) {
  const url = new URL(target.sseUrl);
  const streams = Array.from(
    { length: 20 },
    () =>
      new Promise<() => void>((resolve) => {
        const req = request({ host: url.hostname, port: url.port, path: url.pathname, agent: false }, (response) => {
          response.resume();
          resolve(() => req.destroy());
        });
        req.on("error", () => resolve(() => {}));
        req.end();
      }),
  );
  const closers = await Promise.all(streams);
  for (let i = 0; i < 5; i++) await target.post(-1);
  await sleep(300);
  for (const close of closers) close();
  await sleep(300);
}

interface FanoutResult {
  subscribers: { asked: number; open: number; failed: number; connectMs: number; errors: string[] };
  delivery: Summary;
  /** Per post: the time until its last subscriber had it. */
  lastDelivery: Summary;
  postAnswer: Summary;
  missing: number;
  dropped: number;
  incompletePosts: number;
  memory: { before: Memory; after: Memory; perSubscriberKb: number; heapPerSubscriberKb: number };
  /** The open-files limit the subscriber processes got. */
  clientFiles: { soft: number; hard: number };
}

async function measureFanout(target: FanoutTarget, subscribers: number): Promise<FanoutResult> {
  await warmUp(target);
  const before = await target.memory();
  const clients = await Subscribers.start(config.clientProcesses, `${target.label}-clients`);
  const closeClients = () => clients.close();
  disposers.add(closeClients);
  try {
    step(`${target.label}: opening ${subscribers} SSE subscribers (${config.clientProcesses} client processes)`);
    const opened = await clients.open(target.sseUrl, subscribers, { concurrency: 100 });
    step(
      `${target.label}: ${opened.open} open, ${opened.failed} failed in ${(opened.ms / 1000).toFixed(1)} s${opened.errors.length ? ` (${opened.errors.join("; ")})` : ""}`,
    );
    await sleep(2000);
    const after = await target.memory();
    const sentAt = new Map<number, number>();
    const answers: number[] = [];
    let incompletePosts = 0;
    for (let n = 1; n <= config.posts; n++) {
      sentAt.set(n, nowMs());
      const answer = await target.post(n);
      answers.push(answer.ms);
      if (answer.status < 200 || answer.status >= 300)
        throw new Error(`${target.label}: post ${n} answered ${answer.status}`);
      if (!(await clients.waitComplete(n, 30_000))) incompletePosts += 1;
      await sleep(config.postGapMs);
    }
    const times = await clients.collect();
    const latencies: number[] = [];
    const lasts: number[] = [];
    let missing = 0;
    for (let n = 1; n <= config.posts; n++) {
      const t0 = sentAt.get(n) ?? 0;
      const arrivals = times.get(n) ?? [];
      let last = 0;
      for (const at of arrivals) {
        if (at === null) continue;
        latencies.push(at - t0);
        last = Math.max(last, at - t0);
      }
      missing += opened.open - arrivals.filter((a) => a !== null).length;
      lasts.push(last);
    }
    const delta = after.rss - before.rss;
    return {
      subscribers: {
        asked: subscribers,
        open: opened.open,
        failed: opened.failed,
        connectMs: round(opened.ms, 0),
        errors: opened.errors,
      },
      delivery: summarize(latencies),
      lastDelivery: summarize(lasts),
      postAnswer: summarize(answers),
      missing,
      dropped: clients.dropped,
      incompletePosts,
      clientFiles: clients.files,
      memory: {
        before,
        after,
        perSubscriberKb: round(delta / Math.max(1, opened.open) / 1024, 2),
        heapPerSubscriberKb: round((after.heapUsed - before.heapUsed) / Math.max(1, opened.open) / 1024, 2),
      },
    };
  } finally {
    disposers.delete(closeClients);
    await clients.close();
  }
}

/** Posts to Uudistamo with a participant cookie (each used for at most 7 posts) and a fresh idempotency key. */
function uudistamoPoster(app: AppProcess, wallId: string, run: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const cookies = new ParticipantCookies(7);
  const target = { base: app.base, origin: app.base };
  let k = 0;
  return async (n: number) => {
    let cookie = cookies.take();
    if (!cookie) {
      // A visitor's first request gets its participant cookie.
      const first = await send(agent, target, "GET", `/api/walls/${wallId}`, undefined);
      cookies.remember(first.setCookie);
      cookie = cookies.take();
    }
    const body = { body: n > 0 ? `Fan-out post bench#${n}#` : "Warm-up post", idempotencyKey: `bench-${run}-${++k}` };
    return send(agent, target, "POST", `/api/walls/${wallId}/posts`, body, cookie ? { cookie } : {});
  };
}

function barePoster(bare: BareProcess) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const target = { base: bare.base, origin: bare.base };
  return (n: number) =>
    send(agent, target, "POST", "/posts", { body: n > 0 ? `Fan-out post bench#${n}#` : "Warm-up post" });
}

async function startWall(app: AppProcess, title: string): Promise<string> {
  const cookie = await signIn(app.base, app.staff.email, app.staff.password);
  return createWall(app.base, cookie, title);
}

interface IngestPhase {
  /** "closed": 50 clients in a closed loop; "open": a fixed rate. */
  mode: "closed" | "open";
  subscribers: number;
  subscribersOpen: number;
  /** Subscribers the server cut off during the phase (Uudistamo ends a stream whose unsent bytes pass 256 KiB). */
  subscribersDropped: number;
  load: LoadResult;
}

interface IngestRun {
  phases: Record<string, IngestPhase>;
  /** Whether the server answered 429 RATE_LIMITED (the per-address post limit). */
  rateLimited: boolean;
}

/**
 * Each phase runs against a freshly started server on the same data (so every
 * phase starts with the same state, and the in-memory rate-limit windows are
 * fresh), with its subscribers opened first:
 *   "closed-0"  closed loop without subscribers: the write path alone (not with --quick)
 *   "closed"    closed loop with the idle subscribers: the figure for the target
 *   "open"      the fixed rate with the idle subscribers: POST latency (not with --quick)
 */
async function measureIngest(options: {
  label: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  sseUrl: () => string;
  target: () => PostTarget;
  makeBody: (phase: string) => (i: number) => unknown;
}): Promise<IngestRun> {
  // --quick keeps only the phase the target is about.
  const plan: { name: string; mode: "closed" | "open"; subscribers: number }[] = quick
    ? [{ name: "closed", mode: "closed", subscribers: config.ingestSubscribers }]
    : [
        { name: "closed-0", mode: "closed", subscribers: 0 },
        { name: "closed", mode: "closed", subscribers: config.ingestSubscribers },
        { name: "open", mode: "open", subscribers: config.ingestSubscribers },
      ];
  const phases: Record<string, IngestPhase> = {};
  for (const phase of plan) {
    await options.start();
    const clients = phase.subscribers ? await Subscribers.start(1, `${options.label}-clients`) : null;
    try {
      let open = 0;
      if (clients) {
        const opened = await clients.open(options.sseUrl(), phase.subscribers, { concurrency: 100, discard: true });
        open = opened.open;
        if (opened.open < phase.subscribers)
          step(
            `${options.label}: only ${opened.open}/${phase.subscribers} subscribers open (${opened.errors.join("; ")})`,
          );
        await sleep(500);
      }
      step(
        `${options.label}: ${phase.mode === "closed" ? `closed loop, ${config.concurrency} clients, ${config.closedMs / 1000} s` : `open loop, ${config.openRate} posts/s, ${config.openMs / 1000} s`}, ${phase.subscribers} subscribers`,
      );
      const load =
        phase.mode === "closed"
          ? await closedLoop({
              target: options.target(),
              concurrency: config.concurrency,
              durationMs: config.closedMs,
              makeBody: options.makeBody(phase.name),
            })
          : await openLoop({
              target: options.target(),
              rate: config.openRate,
              durationMs: config.openMs,
              drainMs: config.drainMs,
              makeBody: options.makeBody(phase.name),
            });
      phases[phase.name] = {
        mode: phase.mode,
        subscribers: phase.subscribers,
        subscribersOpen: open,
        subscribersDropped: clients?.dropped ?? 0,
        load,
      };
    } finally {
      await clients?.close();
      await options.stop();
    }
  }
  return { phases, rateLimited: Object.values(phases).some((p) => (p.load.statuses["429"] ?? 0) > 0) };
}

// ---------------------------------------------------------------- the run

const run = startedAt.getTime().toString(36);
const limits = fileLimits();
const results: Record<string, unknown> = {
  name,
  startedAt: startedAt.toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    kernel: os.release(),
    /** Load averages (1, 5, 15 min) when the run started: other work on the machine skews every figure. */
    loadAverageAtStart: os.loadavg().map((v) => round(v, 2)),
  },
  config: { ...config, pgServerUrl: config.pgServerUrl.replace(/\/\/[^@/]*@/, "//…@") },
};
const notes: string[] = [];
results.notes = notes;

log(`Uudistamo bench "${name}"${quick ? " (quick)" : ""} on ${os.cpus().length} cores, Node ${process.version}`);
const load = os.loadavg()[0] ?? 0;
if (load > 1) {
  const warning = `the machine was busy when the run started (load average ${load.toFixed(2)} on ${os.cpus().length} cores): other processes share the cores, so latencies and rates are lower than on a quiet machine`;
  notes.push(warning);
  log(`warning: ${warning}`);
}
log(
  `open files: ulimit -n ${limits.soft}, hard ${limits.hard}; children ask for ${wantedFiles}${limits.hard < wantedFiles ? ` and get ${limits.hard} (the hard limit)` : ""}`,
);

let pglite: AppProcess | null = null;
let pgliteWall = "";
let exitCode = 0;

try {
  if (only.has("fanout")) {
    step(`fan-out: Uudistamo (PGlite), ${config.subscribers} subscribers, ${config.posts} posts`);
    const app = await prepareApp({ driver: "pglite", label: "bench-app", gcHook: true });
    pglite = app;
    disposers.add(() => app.dispose());
    await app.start(config.serverEnv);
    pgliteWall = await startWall(app, "Bench: fan-out");
    const child = app.child();
    const uudistamo = await measureFanout(
      {
        label: "uudistamo",
        sseUrl: `${app.base}/api/walls/${pgliteWall}/events`,
        post: uudistamoPoster(app, pgliteWall, `${run}f`),
        memory: () => app.memory(),
      },
      config.subscribers,
    );
    results.openFiles = {
      wanted: wantedFiles,
      bench: limits,
      server: child?.pid ? readLimit(child.pid) : null,
      clients: uudistamo.clientFiles,
    };
    await app.stop();

    step(`fan-out: bare broadcaster, ${config.subscribers} subscribers`);
    const bare = await prepareBare({ db: "none", label: "bench-bare" });
    disposers.add(() => bare.dispose());
    await bare.start();
    const bareResult = await measureFanout(
      { label: "bare", sseUrl: `${bare.base}/events`, post: barePoster(bare), memory: () => bare.memory() },
      config.subscribers,
    );
    await bare.dispose();

    const p50 = ratio(uudistamo.delivery.p50, bareResult.delivery.p50);
    const p99 = ratio(uudistamo.delivery.p99, bareResult.delivery.p99);
    results.fanout = {
      subscribers: config.subscribers,
      posts: config.posts,
      uudistamo: { ...uudistamo, memory: undefined },
      bare: { ...bareResult, memory: undefined },
      ratio: { p50, p99 },
      target: { p99RatioAtMost: 1.5, met: p99 !== null && p99 <= 1.5 },
    };
    const memRatio = ratio(uudistamo.memory.perSubscriberKb, bareResult.memory.perSubscriberKb);
    results.memory = {
      subscribers: config.subscribers,
      uudistamo: uudistamo.memory,
      bare: bareResult.memory,
      ratio: memRatio,
      /** JS heap only (steadier than RSS, which keeps freed pages; misses sockets and native buffers). */
      heapRatio: ratio(uudistamo.memory.heapPerSubscriberKb, bareResult.memory.heapPerSubscriberKb),
      target: { ratioAtMost: 1.3, met: memRatio !== null && memRatio <= 1.3 },
    };
    if (uudistamo.missing || bareResult.missing)
      notes.push(`fan-out deliveries missing: Uudistamo ${uudistamo.missing}, bare ${bareResult.missing}`);
  }

  if (only.has("ingest")) {
    const drivers: ("pglite" | "postgres")[] = ["pglite"];
    if (await pgReachable(config.pgServerUrl)) drivers.push("postgres");
    else notes.push(`PostgreSQL at ${config.pgServerUrl} not reachable: ingestion measured on PGlite only`);
    const ingestion: Record<string, unknown> = {};
    for (const driver of drivers) {
      // The fan-out server's data is reused for PGlite (a restart instead of a fresh initdb).
      let app = driver === "pglite" ? pglite : null;
      let wallId = driver === "pglite" ? pgliteWall : "";
      if (!app) {
        const fresh = await prepareApp({ driver, pgServerUrl: config.pgServerUrl, label: `bench-${driver}` });
        disposers.add(() => fresh.dispose());
        app = fresh;
      }
      const current = app;
      step(`ingestion on ${driver}: Uudistamo, ${config.ingestSubscribers} idle subscribers`);
      const uudistamo = await measureIngest({
        label: `uudistamo-${driver}`,
        start: async () => {
          await current.start(config.serverEnv);
          if (!wallId) wallId = await startWall(current, `Bench: ingestion on ${driver}`);
        },
        stop: () => current.stop(),
        sseUrl: () => `${current.base}/api/walls/${wallId}/events`,
        target: () => ({ base: current.base, origin: current.base, path: `/api/walls/${wallId}/posts` }),
        makeBody: (phase) => (i) => ({
          body: `Ingestion post ${i}`,
          idempotencyKey: `bench-${run}-${driver}-${phase}-${i}`,
        }),
      });
      await current.dispose();
      if (current === pglite) pglite = null;

      step(`ingestion on ${driver}: bare node:http + INSERT (${driver === "pglite" ? "PGlite" : "pg"}) + broadcast`);
      const bare = await prepareBare({ db: driver, pgServerUrl: config.pgServerUrl, label: `bench-bare-${driver}` });
      disposers.add(() => bare.dispose());
      const bareResult = await measureIngest({
        label: `bare-${driver}`,
        start: () => bare.start(),
        stop: () => bare.stop(),
        sseUrl: () => `${bare.base}/events`,
        target: () => ({ base: bare.base, origin: bare.base, path: "/posts" }),
        makeBody: () => (i) => ({ body: `Ingestion post ${i}` }),
      });
      await bare.dispose();

      const u = uudistamo.phases;
      const b = bareResult.phases;
      const targetPerS = driver === "pglite" ? 1000 : 3000;
      // When the per-address limit cut a closed loop short, the rate of the posts it let through
      // (accepted ÷ time to the last accepted answer) is the best figure for the write path there is.
      const rate = (phase: IngestPhase | undefined) =>
        !phase
          ? Number.NaN
          : (phase.load.statuses["429"] ?? 0) > 0
            ? phase.load.acceptedBurst.perS
            : phase.load.acceptedPerS;
      const closedLimited = (u.closed?.load.statuses["429"] ?? 0) > 0;
      const measured = rate(u.closed);
      const p = (phase: IngestPhase | undefined, pick: (l: LoadResult) => number) =>
        phase ? pick(phase.load) : Number.NaN;
      ingestion[driver] = {
        uudistamo,
        bare: bareResult,
        ratio: {
          postsPerS: ratio(measured, rate(b.closed)),
          postsPerSWithoutSubscribers: u["closed-0"] ? ratio(rate(u["closed-0"]), rate(b["closed-0"])) : null,
          openLoopP50: ratio(
            p(u.open, (l) => l.latencyAll.p50),
            p(b.open, (l) => l.latencyAll.p50),
          ),
          openLoopP99: ratio(
            p(u.open, (l) => l.latencyAll.p99),
            p(b.open, (l) => l.latencyAll.p99),
          ),
          openLoopP99Of2xx: ratio(
            p(u.open, (l) => l.latencyAccepted.p99),
            p(b.open, (l) => l.latencyAccepted.p99),
          ),
        },
        target: {
          postsPerSAtLeast: targetPerS,
          measuredPostsPerS: measured,
          measuredAs: closedLimited
            ? "accepted posts ÷ time to the last accepted answer (the per-address limit answered the rest with 429)"
            : "accepted posts per second over the closed-loop phase",
          met: measured >= targetPerS && !closedLimited,
        },
      };
      if (uudistamo.rateLimited)
        notes.push(
          `ingestion on ${driver}: the per-address post limit (300/min, all bench traffic comes from 127.0.0.1) answered ${Object.values(u).reduce((n, p) => n + (p.load.statuses["429"] ?? 0), 0)} requests with 429 although the bench sets WALL_POSTS_PER_ADDRESS_PER_MINUTE=${config.serverEnv.WALL_POSTS_PER_ADDRESS_PER_MINUTE}: those figures measure the limit, not the write path`,
        );
    }
    results.ingestion = ingestion;
  }
  if (only.has("newsletter")) {
    // Its own process and results (bench/results/newsletter/): 10,000 subscribers (2,000 with --quick) vs bare nodemailer.
    step("newsletter: bench/newsletter.ts");
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/newsletter.ts", "--pg", "--name", name], {
      cwd: rootDir,
      stdio: "inherit",
      env: { ...process.env, ...(quick ? { BENCH_NEWSLETTER_SUBSCRIBERS: "2000" } : {}) },
    });
    results.newsletter = { exitCode: run.status, results: "bench/results/newsletter/latest.json" };
    if (run.status !== 0) exitCode = 1;
  }
  if (only.has("publishing")) {
    // Its own process and results (bench/results/publishing/): feeds, front page and blog at 10,000 posts vs 10.
    step("publishing: bench/publishing.ts");
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/publishing.ts", "--name", name], {
      cwd: rootDir,
      stdio: "inherit",
      env: { ...process.env, ...(quick ? { BENCH_REQUESTS: "20" } : {}) },
    });
    results.publishing = { exitCode: run.status, results: "bench/results/publishing/latest.json" };
    if (run.status !== 0) exitCode = 1;
  }
  if (only.has("wallpage")) {
    // Its own process and results (bench/results/wall-page/): a 2,000-post wall's LCP on a phone vs the same page static.
    step("wall page: bench/wall-page.ts");
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/wall-page.ts", "--name", name], {
      cwd: rootDir,
      stdio: "inherit",
      env: { ...process.env, ...(quick ? { BENCH_PAGE_RUNS: "3" } : {}) },
    });
    results.wallPage = { exitCode: run.status, results: "bench/results/wall-page/latest.json" };
    if (run.status !== 0) exitCode = 1;
  }
  if (only.has("wallexport")) {
    // Its own process and results (bench/results/wall-export/): CSV and XLSX of 100,000 posts (20,000 with --quick).
    step("wall export: bench/wall-export.ts");
    const run = spawnSync(process.execPath, ["--import", "tsx", "bench/wall-export.ts"], {
      cwd: rootDir,
      stdio: "inherit",
      env: { ...process.env, ...(quick ? { BENCH_POSTS: "20000" } : {}) },
    });
    results.wallExport = { exitCode: run.status, results: "bench/results/wall-export/latest.json" };
    if (run.status !== 0) exitCode = 1;
  }
} catch (error) {
  exitCode = 1;
  console.error("bench failed:", error);
  results.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
} finally {
  await disposeAll();
}

results.finishedAt = new Date().toISOString();
(results.machine as Record<string, unknown>).loadAverageAtEnd = os.loadavg().map((v) => round(v, 2));
results.durationS = round((Date.now() - startedAt.getTime()) / 1000, 1);
const files = writeResults(path.join(rootDir, "bench/results"), name, startedAt, results);
printSummary(results);
log(`\nwritten: ${files.map((f) => path.relative(rootDir, f)).join(", ")} (${results.durationS} s in all)`);
process.exit(exitCode);

// ---------------------------------------------------------------- output

function readLimit(pid: number) {
  try {
    const text = readFileSync(`/proc/${pid}/limits`, "utf8");
    const [soft, hard] = /Max open files\s+(\d+)\s+(\d+)/.exec(text)?.slice(1).map(Number) ?? [];
    return soft === undefined ? null : { soft, hard };
  } catch {
    return null;
  }
}

function printSummary(r: Record<string, unknown>) {
  const fmt = (v: unknown) => (v === null || v === undefined ? "–" : String(v));
  log("\n==================== results ====================");
  const fanout = r.fanout as
    | {
        uudistamo: FanoutResult;
        bare: FanoutResult;
        ratio: { p50: number | null; p99: number | null };
        target: { met: boolean };
      }
    | undefined;
  if (fanout) {
    log(`fan-out to ${config.subscribers} subscribers, ${config.posts} posts (ms from before POST to frame received):`);
    for (const [label, f] of [
      ["uudistamo", fanout.uudistamo],
      ["bare     ", fanout.bare],
    ] as const) {
      log(
        `  ${label}  p50 ${f.delivery.p50}  p99 ${f.delivery.p99}  max ${f.delivery.max}  last subscriber p50 ${f.lastDelivery.p50}  (${f.delivery.count} deliveries, ${f.missing} missing; POST answered p50 ${f.postAnswer.p50} ms; ${f.subscribers.open} open in ${(f.subscribers.connectMs / 1000).toFixed(1)} s)`,
      );
    }
    log(
      `  ratio Uudistamo/bare: p50 ${fmt(fanout.ratio.p50)}, p99 ${fmt(fanout.ratio.p99)} (target p99 ≤ 1.5: ${fanout.target.met ? "met" : "MISSED"})`,
    );
  }
  const memory = r.memory as
    | {
        uudistamo: FanoutResult["memory"];
        bare: FanoutResult["memory"];
        ratio: number | null;
        heapRatio: number | null;
        target: { met: boolean };
      }
    | undefined;
  if (memory) {
    const mb = (b: number) => (b / 2 ** 20).toFixed(0);
    log("memory per idle subscriber (RSS after forced GC, 0 → N subscribers):");
    log(
      `  uudistamo  ${memory.uudistamo.perSubscriberKb} KB (RSS ${mb(memory.uudistamo.before.rss)} → ${mb(memory.uudistamo.after.rss)} MB; heap ${memory.uudistamo.heapPerSubscriberKb} KB/sub)`,
    );
    log(
      `  bare       ${memory.bare.perSubscriberKb} KB (RSS ${mb(memory.bare.before.rss)} → ${mb(memory.bare.after.rss)} MB; heap ${memory.bare.heapPerSubscriberKb} KB/sub)`,
    );
    log(
      `  ratio ${fmt(memory.ratio)} (target ≤ 1.3: ${memory.target.met ? "met" : "MISSED"}); JS heap alone ${fmt(memory.heapRatio)}`,
    );
  }
  const ingestion = r.ingestion as Record<string, Record<string, unknown>> | undefined;
  if (ingestion) {
    for (const [driver, entry] of Object.entries(ingestion)) {
      const rt = entry.ratio as Record<string, number | null>;
      const t = entry.target as {
        postsPerSAtLeast: number;
        measuredPostsPerS: number;
        measuredAs: string;
        met: boolean;
      };
      log(
        `ingestion on ${driver} (closed loop: ${config.concurrency} keep-alive clients${quick ? "" : `; open loop: ${config.openRate} posts/s`}):`,
      );
      for (const who of ["uudistamo", "bare"] as const) {
        const runResult = entry[who] as IngestRun;
        for (const [phaseName, p] of Object.entries(runResult.phases)) {
          const l = p.load;
          const head = `  ${who.padEnd(9)} ${phaseName.padEnd(8)} ${String(p.subscribers).padStart(5)} subs:`;
          const burst = l.statuses["429"]
            ? `, ${l.acceptedBurst.count} accepted in the first ${l.acceptedBurst.ms} ms = ${l.acceptedBurst.perS}/s before the limit`
            : "";
          const drops = p.subscribersDropped ? `, ${p.subscribersDropped} subscribers cut off` : "";
          const frames = p.subscribersOpen ? ` = ${Math.round(l.acceptedPerS * p.subscribersOpen)} frames/s` : "";
          if (p.mode === "closed")
            log(
              `${head} ${l.acceptedPerS} posts/s accepted${frames} (${l.requestsPerS} req/s), latency p50 ${l.latencyAll.p50} p99 ${l.latencyAll.p99} ms, statuses ${JSON.stringify(l.statuses)}${burst}${drops}`,
            );
          else
            log(
              `${head} latency p50 ${l.latencyAll.p50} p99 ${l.latencyAll.p99} ms (2xx only: p99 ${l.latencyAccepted.p99} ms), statuses ${JSON.stringify(l.statuses)}${l.unfinished ? `, ${l.unfinished} unanswered after the drain` : ""}${drops}`,
            );
        }
      }
      log(
        `  ratio Uudistamo/bare: posts/s ${fmt(rt.postsPerS)}${rt.postsPerSWithoutSubscribers !== null ? ` (without subscribers ${fmt(rt.postsPerSWithoutSubscribers)})` : ""}${rt.openLoopP99 !== null ? `, open-loop p50 ${fmt(rt.openLoopP50)}, p99 ${fmt(rt.openLoopP99)} (2xx only ${fmt(rt.openLoopP99Of2xx)})` : ""}`,
      );
      log(
        `  target ≥ ${t.postsPerSAtLeast} posts/s: ${t.met ? "met" : "MISSED"} (${t.measuredPostsPerS}/s: ${t.measuredAs})${(entry.uudistamo as IngestRun).rateLimited ? " — the per-address limit answered 429s" : ""}`,
      );
    }
  }
  for (const note of (r.notes as string[]) ?? []) log(`note: ${note}`);
  if (r.error) log(`error: ${String(r.error).split("\n")[0]}`);
}
