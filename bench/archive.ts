// Memory of an archive export: `NODE_OPTIONS=--expose-gc npx tsx bench/archive.ts [thousands of posts…]`
// (default 2 and 20). For each size, a fresh demo workspace (PGlite in memory, or PostgreSQL with
// TEST_DATABASE_URL) gets that many extra wall posts of some 600 characters, then the export job's work runs while
// RSS is sampled every 20 ms: writeArchive builds the ZIP in a scratch file, which is then streamed into the file
// store in one transaction (as ArchiveService.run does). The peak rise over the RSS just before is printed with
// the ZIP's size and the seconds of each step. Bounded memory means
// the rise stays about the same when the posts grow tenfold. Figures only, no assertions; results in
// bench/results/archive/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { seedDemoWorkspace } from "../src/demo/seed.ts";
import { writeArchive } from "../src/modules/archive/write-archive.ts";
import { createDatabaseFileStore, readPieces } from "../src/modules/files/store.ts";
import { openTestDatabase } from "../test/support/database.ts";

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const thousands = sizes.length ? sizes : [2, 20];
const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const collect = () => (globalThis as { gc?: () => void }).gc?.();

const results: Record<string, unknown>[] = [];
for (const k of thousands) {
  const database = await openTestDatabase();
  const folder = mkdtempSync(path.join(tmpdir(), "uudistamo-bench-archive-"));
  try {
    await seedDemoWorkspace(database.db);
    // Copies of a demo post with new ids, keys and a longer text: rows as the walls write them.
    await database.db.execute(sql`
      insert into wall_posts
      select (jsonb_populate_record(null::wall_posts, to_jsonb(p) || jsonb_build_object(
        'id', gen_random_uuid(), 'idempotency_key', 'bench-' || n, 'parent_id', null,
        'body', repeat('Kommentti seminaarista ja valmistelusta. ', 15) || n))).*
      from (select * from wall_posts where parent_id is null limit 1) p, generate_series(1, ${k * 1000}) n`);
    collect();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const started = performance.now();
    const zip = path.join(folder, "archive.zip");
    const written = await writeArchive(database.db, zip);
    const builtAt = performance.now();
    const files = createDatabaseFileStore(database.db);
    await database.db.transaction((tx) =>
      files.put({ data: readPieces(zip), mimeType: "application/zip", name: "archive.zip" }, { within: tx }),
    );
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    const records = written.manifest.types.reduce((n, t) => n + t.count, 0);
    const result = {
      driver: database.driver,
      posts: k * 1000,
      records,
      zipMiB: mib(written.size),
      baselineRssMiB: mib(baseline),
      peakRiseMiB: mib(peak - baseline),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      storeSeconds: Math.round((performance.now() - builtAt) / 100) / 10,
    };
    results.push(result);
    console.log(
      `${result.driver}: ${result.posts} extra posts, ${records} records, ZIP ${result.zipMiB} MiB in ${result.seconds} s (${result.storeSeconds} s of it storing); RSS ${result.baselineRssMiB} MiB before, peak rise ${result.peakRiseMiB} MiB`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await database.close();
  }
}
const out = path.resolve(import.meta.dirname, "results/archive");
mkdirSync(out, { recursive: true });
writeFileSync(
  path.join(out, `${new Date().toISOString().replace(/:/g, "-")}.json`),
  `${JSON.stringify(results, null, 2)}\n`,
);
