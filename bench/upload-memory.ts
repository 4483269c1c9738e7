/**
 * `npx tsx bench/upload-memory.ts` — what one uploaded image costs the server,
 * for a few images up to UPLOAD_MAX_BYTES (10 MiB): the rise of resident memory
 * (peak RSS: /proc's VmHWM, reset just before; for the server also its anonymous and mapped-file parts,
 * sampled) and the time, measured twice:
 *
 *   server   the real server (src/main.ts on a fresh PGlite folder, or --pg) answering one
 *            POST /api/walls/{id}/uploads, after a warm-up upload and a forced GC
 *   prepare  one prepareUpload() call alone, in a fresh Node process: on the file itself (a path, as an
 *            upload's temporary file is given since uploads are spooled), or on its bytes already in memory
 *            for a tree whose prepareUpload takes bytes (a --before-root from before spooling)
 *
 * Baselines measured in the same run: the upload's own size (the aim is a rise
 * of at most ~2× the upload), one plain copy of the upload plus its SHA-256
 * (prepare part), and with --before-root <dir> (a copy of an older tree, e.g.
 * `git archive <commit> | tar -x -C <dir>` with node_modules and build linked in)
 * that code on the same images (ratios after/before).
 *
 * Flags: --before-root <dir>, --runs <n> (default 3; the median is reported), --name <name>,
 *        --only server|prepare, --pg <PostgreSQL server URL> (the server part on PostgreSQL, not PGlite),
 *        --images <name,name> (only these images, e.g. pdf-10mib,jpeg-48mp-10mib).
 * Writes bench/results/upload-memory/<name>-<timestamp>.json and latest.json there (bench/run.ts owns
 * bench/results/latest.json).
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { recommendedArenaMax } from "../src/config/allocator.ts";
import { rootDir } from "./procs.ts";
import { writeResults } from "./results.ts";
import { ratio, round } from "./stats.ts";

const args = process.argv.slice(2);
const argValue = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};

interface Measurement {
  outcome: "stored" | "refused" | "copied";
  detail: string;
  rssBeforeBytes: number;
  peakRiseBytes: number;
  ms: number;
}

const readStatus = (field: string) => {
  const line = readFileSync("/proc/self/status", "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return Number(line?.match(/\d+/)?.[0] ?? 0) * 1024;
};

/** In the child: warm up on a small image of the same kind, then measure one call. */
async function child(modulePath: string, imagePath: string, warmPath: string): Promise<void> {
  const data = new Uint8Array(readFileSync(imagePath));
  const warm = new Uint8Array(readFileSync(warmPath));
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  let run: () => Promise<{ outcome: Measurement["outcome"]; detail: string }>;
  if (modulePath === "copy") {
    const { createHash } = await import("node:crypto");
    run = async () => {
      const copy = Buffer.from(data);
      return { outcome: "copied", detail: createHash("sha256").update(copy).digest("hex").slice(0, 8) };
    };
  } else {
    const { prepareUpload } = (await import(pathToFileURL(modulePath).href)) as {
      prepareUpload(
        input: Uint8Array | string,
        name: string,
      ): Promise<{ kind: string; width?: number; height?: number }>;
    };
    // Spooled uploads: prepareUpload reads the file (file-type's fileTypeFromFile); before, it took the bytes.
    const takesPath = readFileSync(modulePath, "utf8").includes("fileTypeFromFile");
    await prepareUpload(takesPath ? warmPath : warm, "warm").catch(() => {});
    run = async () => {
      try {
        const out = await prepareUpload(takesPath ? imagePath : data, path.basename(imagePath));
        return { outcome: "stored", detail: `${out.kind} ${out.width ?? ""}×${out.height ?? ""}` };
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause?.message ?? "";
        return { outcome: "refused", detail: `${(error as Error).message} ${cause}`.trim().slice(0, 160) };
      }
    };
  }
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const rssBeforeBytes = readStatus("VmRSS");
  writeFileSync("/proc/self/clear_refs", "5"); // resets VmHWM (peak RSS) to the current RSS
  const started = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peakRiseBytes = readStatus("VmHWM") - rssBeforeBytes;
  process.stdout.write(`${JSON.stringify({ ...result, rssBeforeBytes, peakRiseBytes, ms } satisfies Measurement)}\n`);
}

function measure(modulePath: string, imagePath: string, warmPath: string): Measurement {
  const out = execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--expose-gc",
      path.join(rootDir, "bench/upload-memory.ts"),
      "--child",
      modulePath,
      imagePath,
      warmPath,
    ],
    { cwd: rootDir, encoding: "utf8", maxBuffer: 1 << 20, env: { ...process.env, UV_THREADPOOL_SIZE: "4" } },
  );
  return JSON.parse(out.trim().split("\n").pop() ?? "{}") as Measurement;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

interface Image {
  name: string;
  about: string;
  file: string;
  warm: string;
  type: string;
}

/** The real server from `root` (this tree or an older copy) on a fresh PGlite folder, with a staff person. */
async function startServer(root: string, label: string, pgServerUrl: string | null) {
  const { openDatabase } = await import("../src/db/client.ts");
  const { insertPasswordLogin } = await import("../src/modules/accounts/credentials.ts");
  const { hashPassword } = await import("../src/modules/accounts/password.ts");
  const { users } = await import("../src/modules/accounts/schema.ts");
  const { createWall, signIn } = await import("./app-process.ts");
  const { freePort, stopChild, until } = await import("./procs.ts");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `upload-bench-${label}-`));
  const staff = { email: `bench-${Date.now()}@example.test`, password: `pw-${Math.random().toString(36).slice(2)}` };
  const { createPgDatabase } = await import("./app-process.ts");
  const pgDb = pgServerUrl ? await createPgDatabase(pgServerUrl, "upload_bench") : null;
  const database = await openDatabase(pgDb ? { url: pgDb.url } : { dataDir: path.join(dataDir, "pglite") });
  try {
    await database.migrate();
    const id = crypto.randomUUID();
    await database.db
      .insert(users)
      .values({ id, name: "Bench", email: staff.email, role: "staff", emailVerified: true });
    await insertPasswordLogin(database.db, id, await hashPassword(staff.password));
  } finally {
    await database.close();
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const waiters: (() => void)[] = [];
  const buildEntry = path.join(root, "build/server/index.js");
  const startOnce = async () => {
    const started = spawn(
      process.execPath,
      ["--expose-gc", "--import", "tsx", "--import", path.join(rootDir, "bench/gc-hook.ts"), "src/main.ts"],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
        env: {
          ...process.env,
          // As `npm start` runs it (src/config/allocator.ts); `MALLOC_ARENA_MAX= npx tsx bench/upload-memory.ts`
          // measures glibc's default instead.
          MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? recommendedArenaMax,
          PORT: String(port),
          HOST: "127.0.0.1",
          PUBLIC_URL: base,
          DATA_DIR: dataDir,
          // Empty settings count as unset: PGlite, mail to the log.
          DATABASE_URL: pgDb?.url ?? "",
          SMTP_URL: "",
          DEMO_DATA: "false",
          SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
          LOG_LEVEL: "warn",
        },
      },
    );
    started.stdout?.setEncoding("utf8");
    started.stdout?.on("data", (chunk: string) => {
      if (chunk.includes("BENCH_MEM ")) for (const wake of waiters.splice(0)) wake();
    });
    await until(
      () => {
        if (started.exitCode !== null) throw new Error(`${label} exited during start`);
        return fetch(`${base}/readyz`).then(
          (r) => r.status === 200,
          () => false,
        );
      },
      120_000,
      `${label} /readyz`,
    );
    return started;
  };
  // In a shared work tree someone's build may be rewriting build/ right now: wait for it, try again.
  let child: Awaited<ReturnType<typeof startOnce>> | undefined;
  for (let attempt = 1; !child; attempt++) {
    await until(() => existsSync(buildEntry), 180_000, "build/server/index.js");
    try {
      child = await startOnce();
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
  const cookie = await signIn(base, staff.email, staff.password);
  const wallId = await createWall(base, cookie, "Kuvat");
  const pid = child.pid as number;
  const status = (field: string) => {
    const line = readFileSync(`/proc/${pid}/status`, "utf8")
      .split("\n")
      .find((l) => l.startsWith(`${field}:`));
    return Number(line?.match(/\d+/)?.[0] ?? 0) * 1024;
  };
  const upload = async (file: string, type: string) => {
    const form = new FormData();
    form.append("file", new Blob([readFileSync(file)], { type }), path.basename(file));
    const response = await fetch(`${base}/api/walls/${wallId}/uploads`, {
      method: "POST",
      headers: { origin: base, cookie },
      body: form,
    });
    const body = (await response.json()) as { width?: number; height?: number; code?: string };
    return { status: response.status, detail: body.code ?? `${body.width}×${body.height}` };
  };
  return {
    async measure(image: Image) {
      await upload(image.warm, image.type);
      // A full GC in the server (bench/gc-hook.ts), then the peak from here on.
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        process.kill(pid, "SIGUSR2");
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      const rssBeforeBytes = status("VmRSS");
      // What the peak is made of, sampled every 2 ms (a sample may miss the very top): anonymous memory (heap,
      // buffers, libvips' pixels) and mapped files (libvips maps the image file it reads; clean page cache).
      const anonBefore = status("RssAnon");
      const fileBefore = status("RssFile");
      let anonPeak = anonBefore;
      let filePeak = fileBefore;
      const sampler = setInterval(() => {
        anonPeak = Math.max(anonPeak, status("RssAnon"));
        filePeak = Math.max(filePeak, status("RssFile"));
      }, 2);
      writeFileSync(`/proc/${pid}/clear_refs`, "5");
      const started = process.hrtime.bigint();
      const result = await upload(image.file, image.type).finally(() => clearInterval(sampler));
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      return {
        ...result,
        rssBeforeBytes,
        peakRiseBytes: status("VmHWM") - rssBeforeBytes,
        sampledAnonRiseBytes: anonPeak - anonBefore,
        sampledFileRiseBytes: filePeak - fileBefore,
        ms,
      };
    },
    async stop() {
      await stopChild(child, "SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
      await pgDb?.drop();
    },
  };
}

async function makeImages(dir: string): Promise<Image[]> {
  const { animatedGif, canvasBombGif, photoLikeJpeg } = await import("../src/modules/files/test-images.ts");
  const sharp = (await import("sharp")).default;
  const write = (name: string, data: Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, data);
    return file;
  };
  const warm = {
    jpeg: write("warm.jpg", await photoLikeJpeg(64, 48)),
    png: write(
      "warm.png",
      await sharp({ create: { width: 64, height: 48, channels: 3, background: "#369" } })
        .png()
        .toBuffer(),
    ),
    gif: write("warm.gif", await animatedGif(16, 16, 2)),
    webp: write(
      "warm.webp",
      await sharp({ create: { width: 64, height: 48, channels: 3, background: "#369" } })
        .webp()
        .toBuffer(),
    ),
  };
  // A screenshot: flat background with text, wide (the case libvips holds ~1,700 full-width rows for).
  const screenshot = (width: number, height: number) => {
    const text = Array.from(
      { length: 200 },
      (_, i) => `<text x="${(i * 97) % width}" y="${(i * 53) % height}" font-size="40">Uudistamo ${i}</text>`,
    ).join("");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${text}</svg>`;
    return sharp({ create: { width, height, channels: 3, background: "#f0f0f0" } }).composite([
      { input: Buffer.from(svg) },
    ]);
  };
  // Flat blocks: a PNG of many pixels that stays small on the wire (the worst case for decoding).
  const blocks = await sharp(Buffer.from(Array.from({ length: 115 * 86 * 3 }, (_, i) => (i * 7919) % 256)), {
    raw: { width: 115, height: 86, channels: 3 },
  })
    .resize(7300, 5480, { kernel: "nearest" })
    .png()
    .toBuffer();
  // Not an image: what receiving and storing 10 MiB costs without any decoding (a baseline for the server part).
  const pdf = Buffer.from(`%PDF-1.4\n%${"x".repeat(10 * 2 ** 20 - 64)}\n%%EOF\n`, "latin1");
  return [
    {
      name: "pdf-10mib",
      about: "a 10 MiB PDF: receiving and storing, no decoding",
      file: write("a.pdf", pdf),
      warm: write("warm.pdf", pdf.subarray(0, 1000)),
      type: "application/pdf",
    },
    {
      name: "jpeg-48mp-10mib",
      about: "8000×6000 JPEG, a 48 MP phone photo near 10 MiB",
      file: write("p48.jpg", await photoLikeJpeg(8000, 6000)),
      warm: warm.jpeg,
      type: "image/jpeg",
    },
    {
      name: "jpeg-48mp-rotated",
      about: "the same, stored sideways (EXIF orientation 6, as phones held upright write it)",
      file: write("p48r.jpg", await photoLikeJpeg(8000, 6000, { orientation: 6 })),
      warm: warm.jpeg,
      type: "image/jpeg",
    },
    {
      name: "jpeg-12mp",
      about: "4000×3000 JPEG, a 12 MP phone photo",
      file: write("p12.jpg", await photoLikeJpeg(4000, 3000, { quality: 95, grain: 20 })),
      warm: warm.jpeg,
      type: "image/jpeg",
    },
    {
      name: "png-40mp",
      about: "7300×5480 PNG (40 MP) of flat blocks, small on the wire",
      file: write("p40.png", blocks),
      warm: warm.png,
      type: "image/png",
    },
    {
      name: "png-wide-16000x3000",
      about: "16000×3000 PNG screenshot (48 MP, 2 MiB)",
      file: write("wide.png", await screenshot(16_000, 3_000).png().toBuffer()),
      warm: warm.png,
      type: "image/png",
    },
    {
      name: "webp-lossless-2mp",
      about: "1920×1080 lossless WebP screenshot, at the 2.1 MP limit of images that decode whole",
      file: write("l2.webp", await screenshot(1920, 1080).webp({ lossless: true }).toBuffer()),
      warm: warm.webp,
      type: "image/webp",
    },
    {
      name: "gif-still-2mp",
      about: "1920×1080 still GIF (stored as PNG), at the same limit",
      file: write("s2.gif", await screenshot(1920, 1080).gif().toBuffer()),
      warm: warm.gif,
      type: "image/gif",
    },
    {
      name: "gif-animated",
      about: "480×270 GIF, 60 frames",
      file: write("anim.gif", await animatedGif(480, 270, 60)),
      warm: warm.gif,
      type: "image/gif",
    },
    {
      name: "gif-canvas-bomb",
      about: "4000×4000 canvas, 2,000 one-pixel frames",
      file: write("bomb.gif", canvasBombGif(4000, 4000, 2000)),
      warm: warm.gif,
      type: "image/gif",
    },
  ];
}

async function main(): Promise<void> {
  const runs = Number(argValue("--runs") ?? 3);
  const only = new Set((argValue("--only") ?? "server,prepare").split(","));
  const beforeRoot = argValue("--before-root");
  // --pg <server url>: the server on PostgreSQL instead of PGlite (whose WebAssembly heap grows with every stored file).
  const pgServerUrl = argValue("--pg") ?? null;
  const trees = [
    { label: "after", root: rootDir },
    ...(beforeRoot ? [{ label: "before", root: path.resolve(beforeRoot) }] : []),
  ];
  const dir = mkdtempSync(path.join(os.tmpdir(), "upload-bench-"));
  const startedAt = new Date();
  try {
    process.stderr.write("generating images…\n");
    const wanted = argValue("--images")?.split(",");
    const images = (await makeImages(dir)).filter((image) => !wanted || wanted.includes(image.name));
    const sizes = new Map(images.map((image) => [image.name, readFileSync(image.file).byteLength]));
    type Summary = {
      outcome: string;
      detail: string;
      peakRiseMiB: number;
      ms: number;
      riseVsUpload: number | null;
      sampledAnonRiseMiB?: number;
      sampledFileRiseMiB?: number;
    };
    type ServerMeasurement = {
      status: number;
      detail: string;
      peakRiseBytes: number;
      ms: number;
      sampledAnonRiseBytes: number;
      sampledFileRiseBytes: number;
    };
    const summarise = (image: Image, all: (Measurement | ServerMeasurement)[]): Summary => {
      const first = all[0];
      const rise = median(all.map((m) => m.peakRiseBytes));
      return {
        outcome: first && "status" in first ? String(first.status) : (first?.outcome ?? ""),
        detail: first?.detail ?? "",
        peakRiseMiB: round(rise / 2 ** 20, 1),
        ms: round(median(all.map((m) => m.ms)), 0),
        riseVsUpload: ratio(rise, sizes.get(image.name) ?? 0),
        ...(first && "sampledAnonRiseBytes" in first
          ? {
              sampledAnonRiseMiB: round(
                median(all.map((m) => ("status" in m ? m.sampledAnonRiseBytes : 0))) / 2 ** 20,
                1,
              ),
              sampledFileRiseMiB: round(
                median(all.map((m) => ("status" in m ? m.sampledFileRiseBytes : 0))) / 2 ** 20,
                1,
              ),
            }
          : {}),
      };
    };
    const rows = new Map<string, Record<string, unknown>>(
      images.map((image) => [
        image.name,
        { image: image.name, about: image.about, uploadMiB: round((sizes.get(image.name) ?? 0) / 2 ** 20, 2) },
      ]),
    );
    const compare = (row: Record<string, unknown>, part: string) => {
      const now = row[`${part}After`] as Summary | undefined;
      const old = row[`${part}Before`] as Summary | undefined;
      if (now && old)
        row[`${part}AfterVsBefore`] = {
          peakRise: ratio(now.peakRiseMiB, old.peakRiseMiB),
          time: ratio(now.ms, old.ms),
        };
    };

    if (only.has("server")) {
      for (const tree of trees) {
        for (const image of images) {
          const all = [];
          // A fresh server per run: PGlite's WebAssembly memory only grows, so runs must not share one.
          for (let run = 0; run < runs; run++) {
            const server = await startServer(tree.root, `server-${tree.label}`, pgServerUrl);
            try {
              all.push(await server.measure(image));
            } finally {
              await server.stop();
            }
          }
          const summary = summarise(image, all);
          const row = rows.get(image.name) as Record<string, unknown>;
          row[tree.label === "after" ? "serverAfter" : "serverBefore"] = summary;
          process.stderr.write(`server ${tree.label} ${image.name}: ${JSON.stringify(summary)}\n`);
        }
      }
      for (const row of rows.values()) compare(row, "server");
    }

    if (only.has("prepare")) {
      for (const image of images) {
        const row = rows.get(image.name) as Record<string, unknown>;
        const many = (modulePath: string) =>
          summarise(
            image,
            Array.from({ length: runs }, () => measure(modulePath, image.file, image.warm)),
          );
        row.prepareCopyBaseline = many("copy");
        for (const tree of trees) {
          const summary = many(path.join(tree.root, "src/modules/files/prepare.ts"));
          row[tree.label === "after" ? "prepareAfter" : "prepareBefore"] = summary;
          process.stderr.write(`prepare ${tree.label} ${image.name}: ${JSON.stringify(summary)}\n`);
        }
        compare(row, "prepare");
      }
    }

    const results = [...rows.values()];
    for (const row of results) process.stdout.write(`${JSON.stringify(row)}\n`);
    const files = writeResults(
      path.join(rootDir, "bench/results/upload-memory"),
      argValue("--name") ?? "upload-memory",
      startedAt,
      {
        startedAt: startedAt.toISOString(),
        machine: { cpus: os.cpus().length, node: process.version, totalMemMiB: Math.round(os.totalmem() / 2 ** 20) },
        runs,
        beforeRoot: beforeRoot ?? null,
        serverDatabase: pgServerUrl ? "postgres" : "pglite",
        serverMallocArenaMax: process.env.MALLOC_ARENA_MAX ?? recommendedArenaMax,
        results,
      },
    );
    process.stderr.write(`wrote ${files.join(", ")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (args[0] === "--child") {
  await child(args[1] ?? "", args[2] ?? "", args[3] ?? "");
} else {
  await main();
}
