/**
 * `npx tsx bench/publishing.ts` — the server time of the feeds, the front page, the blog page and the archive with
 * BENCH_POSTS_MANY (default 10,000) published posts, against the same server with BENCH_POSTS_FEW (default 10)
 * in the same run: a ratio near 1 means the page does not grow with the number of posts. Each URL is fetched
 * sequentially over one keep-alive connection after a warm-up (p50/p90 of the client-seen time on localhost), and
 * once more with the ETag it got (the 304 a feed reader's poll costs).
 *
 * Flags: --name <name>, --pg (PostgreSQL instead of PGlite: BENCH_DATABASE_URL). Env: BENCH_REQUESTS (default 50).
 * Writes bench/results/publishing/<name>-<timestamp>.json and latest.json.
 */

import { Agent, request } from "node:http";
import path from "node:path";
import type { Database } from "../src/db/client.ts";
import { posts } from "../src/modules/publishing/schema.ts";
import { prepareApp } from "./app-process.ts";
import { argValue, envNumber, hasFlag } from "./args.ts";
import { nowMs, rootDir } from "./procs.ts";
import { writeResults } from "./results.ts";
import { ratio, round, summarize } from "./stats.ts";

const config = {
  many: envNumber("BENCH_POSTS_MANY", 10_000),
  few: envNumber("BENCH_POSTS_FEW", 10),
  requests: envNumber("BENCH_REQUESTS", 50),
  driver: hasFlag("--pg") ? ("postgres" as const) : ("pglite" as const),
  pgServerUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
};
const urls = ["/feeds/rss.xml", "/feeds/atom.xml", "/", "/blog", "/blog/archive"];

/** `count` published posts, a day apart, in the three languages, with tags: as a busy office's archive looks. */
async function insertPublishedPosts(db: Database["db"], count: number) {
  const start = Date.UTC(2016, 0, 1);
  for (let from = 0; from < count; from += 500) {
    const rows = Array.from({ length: Math.min(500, count - from) }, (_, k) => {
      const n = from + k;
      return {
        slug: `kirjoitus-${n}`,
        kind: n % 4 === 0 ? ("news" as const) : ("blog" as const),
        status: "published" as const,
        locale: (["fi", "sv", "en"] as const)[n % 3] ?? "fi",
        title: `Allianssimallin kokemuksia, osa ${n}`,
        summary: `Tiivistelmä kirjoituksesta ${n}: mitä kasvupalveluallianssi opetti maakunnalle.`,
        body: `Kirjoitus **${n}**.\n\n${"Kasvupalvelut ja allianssi. ".repeat(40)}`,
        tags: [`aihe-${n % 20}`, "kasvupalvelut"],
        authorName: "Satu Mäkelä",
        authorOrganisation: "Kaakkois-Suomen ELY-keskus",
        authorTitle: "vastuualueen johtaja",
        publishAt: new Date(start + (n * 86_400_000) / 8),
      };
    });
    await db.insert(posts).values(rows);
  }
}

function get(agent: Agent, base: string, url: string, etag?: string) {
  return new Promise<{ status: number; ms: number; bytes: number; etag: string | undefined }>((resolve, reject) => {
    const started = nowMs();
    const req = request(`${base}${url}`, { agent, headers: etag ? { "if-none-match": etag } : {} }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: nowMs() - started,
          bytes,
          etag: typeof res.headers.etag === "string" ? res.headers.etag : undefined,
        }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

async function measure(postCount: number) {
  const app = await prepareApp({
    driver: config.driver,
    pgServerUrl: config.pgServerUrl,
    label: `publishing-${postCount}`,
    prepare: (db) => insertPublishedPosts(db, postCount),
  });
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    await app.start();
    const figures: Record<string, unknown> = {};
    for (const url of urls) {
      const first = await get(agent, app.base, url);
      for (let i = 0; i < 5; i++) await get(agent, app.base, url);
      const times: number[] = [];
      for (let i = 0; i < config.requests; i++) times.push((await get(agent, app.base, url)).ms);
      const revalidated = first.etag ? await get(agent, app.base, url, first.etag) : null;
      figures[url] = {
        status: first.status,
        kib: round(first.bytes / 1024, 1),
        ms: summarize(times),
        notModified: revalidated ? { status: revalidated.status, ms: round(revalidated.ms, 2) } : null,
      };
      console.log(
        `${postCount} posts ${url}: ${first.status}, ${round(first.bytes / 1024, 1)} KiB, p50 ${round(summarize(times).p50, 2)} ms`,
      );
    }
    return figures;
  } finally {
    agent.destroy();
    await app.dispose();
  }
}

async function main() {
  const startedAt = new Date();
  const few = (await measure(config.few)) as Record<string, { ms: { p50: number; p90: number } }>;
  const many = (await measure(config.many)) as Record<string, { ms: { p50: number; p90: number } }>;
  const ratios = Object.fromEntries(
    urls.map((url) => [
      url,
      {
        p50: ratio(many[url]?.ms.p50 ?? Number.NaN, few[url]?.ms.p50 ?? Number.NaN),
        p90: ratio(many[url]?.ms.p90 ?? Number.NaN, few[url]?.ms.p90 ?? Number.NaN),
      },
    ]),
  );
  console.log(`ratio ${config.many} posts / ${config.few} posts:`, JSON.stringify(ratios));
  const files = writeResults(
    path.join(rootDir, "bench/results/publishing"),
    argValue("--name") ?? "publishing",
    startedAt,
    {
      startedAt,
      config,
      few,
      many,
      ratios,
    },
  );
  console.log(`wrote ${files.join(", ")}`);
}

await main();
