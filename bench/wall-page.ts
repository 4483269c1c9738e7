/**
 * `npx tsx bench/wall-page.ts` — how fast a wall of BENCH_WALL_POSTS (default 2,000) posts opens on a phone
 * (issue 13 point 5): Largest Contentful Paint, DOMContentLoaded and load in headless Chromium at 360 × 740 with
 * touch, a fresh browser context (empty cache) each time, and the HTML document's size.
 *
 * The baseline, measured in the same run: the very same HTML document and the same built assets served by a bare
 * node:http static server (no database, no rendering). The ratio shows what the server's work and the page's size
 * cost on top of what the browser needs anyway. The runs alternate between the two, BENCH_PAGE_RUNS (default 7)
 * each, p50 reported.
 *
 * Flags: --name <name>, --pg (PostgreSQL at BENCH_DATABASE_URL instead of PGlite).
 * Writes bench/results/wall-page/<name>-<timestamp>.json and latest.json.
 */

import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { sql } from "drizzle-orm";
import { type Browser, chromium } from "playwright-core";
import type { Database } from "../src/db/client.ts";
import { renderPostBody } from "../src/modules/walls/render.ts";
import { prepareApp } from "./app-process.ts";
import { argValue, envNumber, hasFlag } from "./args.ts";
import { rootDir } from "./procs.ts";
import { writeResults } from "./results.ts";
import { ratio, round, summarize } from "./stats.ts";

const config = {
  posts: envNumber("BENCH_WALL_POSTS", 2_000),
  runs: envNumber("BENCH_PAGE_RUNS", 7),
  driver: hasFlag("--pg") ? ("postgres" as const) : ("pglite" as const),
  pgServerUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  /** The limit issue 13 sets for the first response. */
  documentLimitBytes: 300 * 1024,
};
const name = (argValue("--name") ?? "wall-page").replace(/[^\w.-]/g, "_");
const slug = "benchwall";

/** Posts as a seminar wall has them: a sentence or three, some Markdown, the HTML stored as the app stores it. */
async function insertWall(db: Database["db"]) {
  const inserted = (await db.execute(
    sql`insert into walls (slug, title) values (${slug}, 'Kasvupalveluallianssin seminaari') returning id`,
  )) as unknown as { rows: { id: string }[] };
  const wallId = inserted.rows[0]?.id;
  for (let from = 0; from < config.posts; from += 500) {
    const values = Array.from({ length: Math.min(500, config.posts - from) }, (_, k) => {
      const n = from + k + 1;
      const body = `Viesti ${n}: **allianssimalli** toimisi, jos kunnat ja yritykset jakaisivat tiedon asiakkaista.\n\nKysymys: miten _avoimet kirjat_ toteutuvat käytännössä?`;
      return sql`(${wallId}::uuid, ${body}, ${renderPostBody(body)}, ${`Osallistuja ${n}`}, ${`bench-${n}`}, ${`bench-${n}`}, now() - make_interval(secs => ${config.posts - n}::int))`;
    });
    await db.execute(
      sql`insert into wall_posts (wall_id, body, body_html, author_name, participant_hash, idempotency_key, created_at) values ${sql.join(values, sql`, `)}`,
    );
  }
}

/** Serves `html` at /w/<slug> and the built client assets, as a CDN in front of a static export would. */
async function staticServer(html: string): Promise<{ base: string; server: Server }> {
  const clientDir = path.join(rootDir, "build/client");
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === `/w/${slug}`) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) });
      res.end(html);
      return;
    }
    const file = path.join(clientDir, path.normalize(url.pathname));
    if (file.startsWith(clientDir) && existsSync(file) && statSync(file).isFile()) {
      const type = file.endsWith(".js")
        ? "text/javascript"
        : file.endsWith(".css")
          ? "text/css"
          : "application/octet-stream";
      res.writeHead(200, { "content-type": type });
      createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

interface Paint {
  lcp: number;
  domContentLoaded: number;
  load: number;
  documentBytes: number;
}

/** One cold visit on a phone: a new context (no cache, no cookies), LCP read once the page has been still for 1 s. */
async function visit(browser: Browser, base: string): Promise<Paint> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
    baseURL: base,
  });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __lcp: number };
      w.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__lcp = entry.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    const response = await page.goto(`/w/${slug}`, { waitUntil: "load" });
    const documentBytes = (await response?.body())?.length ?? 0;
    await page.waitForTimeout(1_000);
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return {
        lcp: (window as unknown as { __lcp: number }).__lcp,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
        load: nav?.loadEventEnd ?? 0,
      };
    });
    return { ...timing, documentBytes };
  } finally {
    await context.close();
  }
}

const startedAt = new Date();
const app = await prepareApp({
  driver: config.driver,
  pgServerUrl: config.pgServerUrl,
  label: "wall-page",
  prepare: insertWall,
});
let browser: Browser | null = null;
let baseline: Awaited<ReturnType<typeof staticServer>> | null = null;
try {
  await app.start();
  const first = await fetch(`${app.base}/w/${slug}`);
  if (!first.ok) throw new Error(`GET /w/${slug}: ${first.status}`);
  baseline = await staticServer(await first.text());
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
  });
  // One visit each to warm the server's code paths and the disk cache before measuring.
  await visit(browser, app.base);
  await visit(browser, baseline.base);
  const appRuns: Paint[] = [];
  const staticRuns: Paint[] = [];
  for (let i = 0; i < config.runs; i++) {
    appRuns.push(await visit(browser, app.base));
    staticRuns.push(await visit(browser, baseline.base));
  }
  const figure = (runs: Paint[], key: keyof Paint) => summarize(runs.map((r) => r[key]));
  const results = {
    config,
    app: {
      lcpMs: figure(appRuns, "lcp"),
      domContentLoadedMs: figure(appRuns, "domContentLoaded"),
      loadMs: figure(appRuns, "load"),
      documentBytes: appRuns[0]?.documentBytes ?? 0,
    },
    static: {
      lcpMs: figure(staticRuns, "lcp"),
      domContentLoadedMs: figure(staticRuns, "domContentLoaded"),
      loadMs: figure(staticRuns, "load"),
      documentBytes: staticRuns[0]?.documentBytes ?? 0,
    },
    ratios: {
      lcpP50: ratio(figure(appRuns, "lcp").p50, figure(staticRuns, "lcp").p50),
      loadP50: ratio(figure(appRuns, "load").p50, figure(staticRuns, "load").p50),
    },
  };
  const kb = (bytes: number) => `${round(bytes / 1024, 1)} KB`;
  console.log(`wall of ${config.posts} posts on ${config.driver}, 360 px phone, ${config.runs} cold visits each`);
  console.log(
    `  Uudistamo: LCP p50 ${results.app.lcpMs.p50} ms (max ${results.app.lcpMs.max}), load ${results.app.loadMs.p50} ms, document ${kb(results.app.documentBytes)} (limit ${kb(config.documentLimitBytes)})`,
  );
  console.log(
    `  static:    LCP p50 ${results.static.lcpMs.p50} ms (max ${results.static.lcpMs.max}), load ${results.static.loadMs.p50} ms`,
  );
  console.log(`  ratio LCP ${results.ratios.lcpP50}×, load ${results.ratios.loadP50}×`);
  for (const file of writeResults("bench/results/wall-page", name, startedAt, results)) console.log(file);
} finally {
  await browser?.close();
  baseline?.server.close();
  await app.dispose();
}
