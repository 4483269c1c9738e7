/**
 * `npx tsx bench/newsletter.ts` — a newsletter issue to BENCH_NEWSLETTER_SUBSCRIBERS (default 10,000) confirmed
 * subscribers through the real server (its batch jobs, one delivery row per recipient, pooled SMTP), against a bare
 * nodemailer loop sending the same mail to the same SMTP server with the same number of connections, in the same run.
 * The SMTP server is in this process and only counts what it accepts (no parsing), so both sides pay the same.
 *
 * Flags: --name <name>, --pg (also on PostgreSQL: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test).
 * Env:   BENCH_NEWSLETTER_SUBSCRIBERS, BENCH_NEWSLETTER_CONCURRENCY (default 8), BENCH_NEWSLETTER_BATCH (default 200).
 * Writes bench/results/newsletter/<name>-<timestamp>.json and latest.json.
 */

import os from "node:os";
import path from "node:path";
import nodemailer from "nodemailer";
import pLimit from "p-limit";
import { SMTPServer } from "smtp-server";
import { issueBody, issueMail } from "../src/modules/newsletter/mail.ts";
import { insertConfirmedSubscribers } from "../src/modules/newsletter/test-fixture.ts";
import { type AppProcess, pgReachable, prepareApp, signIn } from "./app-process.ts";
import { argValue, envNumber, hasFlag } from "./args.ts";
import { rootDir } from "./procs.ts";
import { writeResults } from "./results.ts";
import { round } from "./stats.ts";

const config = {
  subscribers: envNumber("BENCH_NEWSLETTER_SUBSCRIBERS", 10_000),
  concurrency: envNumber("BENCH_NEWSLETTER_CONCURRENCY", 8),
  batchSize: envNumber("BENCH_NEWSLETTER_BATCH", 200),
  // The highest MAIL_RATE_PER_MINUTE the server takes: 1,000 mails/s. A result near it means the cap, not the code.
  ratePerMinute: 60_000,
  pgServerUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
};

/** Accepts every message and counts it by subject. */
async function countingSmtp() {
  const counts = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      let head = "";
      stream.on("data", (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString("latin1");
      });
      stream.on("end", () => {
        const subject = /^Subject: (.*)$/im.exec(head)?.[1]?.trim() ?? "";
        counts.set(subject, (counts.get(subject) ?? 0) + 1);
        callback();
      });
    },
  });
  server.on("error", () => {});
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    count: (subject: string) => counts.get(subject) ?? 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitUntil(done: () => boolean | Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The server: compose, send, time until the SMTP server has every recipient's mail and the issue says sent. */
async function throughApp(driver: "pglite" | "postgres", smtp: Awaited<ReturnType<typeof countingSmtp>>) {
  let app: AppProcess | undefined;
  try {
    app = await prepareApp({
      driver,
      pgServerUrl: config.pgServerUrl,
      label: `bench_newsletter_${driver}`,
      env: {
        LOG_LEVEL: "error",
        SMTP_URL: smtp.url,
        JOBS_POLL_SECONDS: "0.5",
        MAIL_RATE_PER_MINUTE: String(config.ratePerMinute),
        NEWSLETTER_BATCH_SIZE: String(config.batchSize),
        NEWSLETTER_CONCURRENCY: String(config.concurrency),
      },
      prepare: async (db) => {
        await insertConfirmedSubscribers(db, config.subscribers, { prefix: "bench" });
      },
    });
    await app.start();
    const { base } = app;
    const cookie = await signIn(base, app.staff.email, app.staff.password);
    const call = async (method: string, url: string, body?: unknown) => {
      const response = await fetch(`${base}/api/newsletter${url}`, {
        method,
        headers: { origin: base, cookie, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const subject = `Bench ${driver}`;
    const issue = await call("POST", "/issues", { subject, introduction: benchIntroduction, locale: "fi" });
    const started = performance.now();
    await call("POST", `/issues/${issue.id}/send`);
    const queued = performance.now();
    await waitUntil(() => smtp.count(subject) >= config.subscribers, 30 * 60_000);
    const delivered = performance.now();
    await waitUntil(async () => (await call("GET", `/issues/${issue.id}/progress`)).status === "sent", 120_000);
    const marked = performance.now();
    const seconds = (delivered - started) / 1000;
    return {
      driver,
      mails: smtp.count(subject),
      sendRequestMs: round(queued - started),
      seconds: round(seconds),
      mailsPerSecond: round(config.subscribers / seconds),
      allMarkedSentSeconds: round((marked - started) / 1000),
    };
  } finally {
    await app?.dispose();
  }
}

const benchIntroduction =
  "Tilaa sote- ja maakuntauudistuksesta tuorein tieto uutiskirjeenä sähköpostiisi.\n\nTässä numerossa **allianssimalli** ja kasvupalvelut.";

/** The same mail, to the same server, over the same number of pooled connections: nothing else. */
async function bareLoop(smtp: Awaited<ReturnType<typeof countingSmtp>>) {
  const url = new URL(smtp.url);
  url.searchParams.set("pool", "true");
  url.searchParams.set("maxConnections", String(config.concurrency));
  const transport = nodemailer.createTransport(url.toString());
  const subject = "Bench bare";
  const body = issueBody("fi", benchIntroduction, []);
  const limit = pLimit(config.concurrency);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: config.subscribers }, (_, i) =>
      limit(() => {
        const mail = issueMail("fi", subject, body, {
          url: `http://127.0.0.1/newsletter/unsubscribe?token=${i}`,
          mailto: "mailto:no-reply@uudistamo.localhost",
        });
        return transport.sendMail({
          from: "Uudistamo <no-reply@uudistamo.localhost>",
          to: `bench-${i}@example.test`,
          ...mail,
        });
      }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  return { mails: smtp.count(subject), seconds: round(seconds), mailsPerSecond: round(config.subscribers / seconds) };
}

async function main() {
  const startedAt = new Date();
  const smtp = await countingSmtp();
  try {
    const bare = await bareLoop(smtp);
    console.log(`bare nodemailer loop: ${bare.mailsPerSecond} mails/s`);
    const runs = [await throughApp("pglite", smtp)];
    console.log(`uudistamo (pglite): ${runs[0]?.mailsPerSecond} mails/s`);
    if (hasFlag("--pg") && (await pgReachable(config.pgServerUrl))) {
      const pg = await throughApp("postgres", smtp);
      runs.push(pg);
      console.log(`uudistamo (postgres): ${pg.mailsPerSecond} mails/s`);
    }
    const results = {
      startedAt: startedAt.toISOString(),
      machine: { cpus: os.cpus().length, node: process.version, platform: process.platform },
      config,
      bare,
      uudistamo: runs.map((run) => ({ ...run, ofBare: round(run.mailsPerSecond / bare.mailsPerSecond, 3) })),
    };
    const files = writeResults(
      path.join(rootDir, "bench/results/newsletter"),
      argValue("--name") ?? "newsletter",
      startedAt,
      results,
    );
    console.log(JSON.stringify(results, null, 2));
    console.log(`written: ${files.join(", ")}`);
  } finally {
    await smtp.close();
  }
}

await main();
