/**
 * The real Uudistamo server as a child process (`node --import tsx src/main.ts`),
 * on a fresh PGlite folder or a fresh PostgreSQL database, with a staff person
 * put straight into the database before the first start. Used by the bench and
 * by the crash test (src/modules/walls/crash.test.ts).
 */
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { recommendedArenaMax } from "../src/config/allocator.ts";
import { type Database, openDatabase } from "../src/db/client.ts";
import { insertPasswordLogin } from "../src/modules/accounts/credentials.ts";
import { hashPassword } from "../src/modules/accounts/password.ts";
import { users } from "../src/modules/accounts/schema.ts";
import { freePort, type Memory, memoryProbe, rootDir, spawnNode, stopChild, until } from "./procs.ts";

export interface AppProcess {
  driver: "pglite" | "postgres";
  /** http://127.0.0.1:<port>, also the PUBLIC_URL (so it is the Origin to send). */
  base: string;
  port: number;
  staff: { email: string; password: string };
  child(): ChildProcess | null;
  /** Starts the server (again) on the same data and port; resolves when /readyz answers 200. */
  start(extraEnv?: Record<string, string>): Promise<void>;
  /** Sends a signal (SIGKILL: a crash) and waits for the process to end. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Full GC in the server, then its memory (needs `gcHook`). */
  memory(): Promise<Memory>;
  /** Stops the server and deletes its data folder / drops its database. */
  dispose(): Promise<void>;
}

/** Creates `uudistamo_<prefix>_<random>` on the PostgreSQL server; returns its URL and a dropper. */
export async function createPgDatabase(serverUrl: string, prefix: string) {
  const name = `uudistamo_${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export async function pgReachable(serverUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function prepareApp(options: {
  driver: "pglite" | "postgres";
  /** The PostgreSQL server to create a fresh database on (driver "postgres"). */
  pgServerUrl?: string;
  label: string;
  /** Start node with --expose-gc and bench/gc-hook.ts, for memory(). */
  gcHook?: boolean;
  env?: Record<string, string>;
  /** Extra node flags (e.g. --cpu-prof when looking for a bottleneck). */
  nodeArgs?: string[];
  /** Rows to add before the server first opens the database (thousands of subscribers for a crash test). */
  prepare?: (db: Database["db"]) => Promise<void>;
}): Promise<AppProcess> {
  const buildEntry = path.join(rootDir, "build/server/index.js");
  if (!existsSync(buildEntry)) {
    throw new Error("The web UI is not built (src/main.ts refuses to start): run `npm run build` first.");
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), `uudistamo-${options.label}-`));
  let pgDb: Awaited<ReturnType<typeof createPgDatabase>> | null = null;
  const staff = {
    email: `bench-staff-${randomBytes(4).toString("hex")}@example.test`,
    password: `pw-${randomBytes(12).toString("hex")}`,
  };
  try {
    if (options.driver === "postgres") {
      if (!options.pgServerUrl) throw new Error("pgServerUrl is required for the postgres driver");
      pgDb = await createPgDatabase(options.pgServerUrl, options.label.replace(/\W/g, "_"));
    }
    // Migrate and add a staff person before the server opens the database (PGlite allows one process).
    const database = await openDatabase(pgDb ? { url: pgDb.url } : { dataDir: path.join(dataDir, "pglite") });
    try {
      await database.migrate();
      const id = crypto.randomUUID();
      await database.db
        .insert(users)
        .values({ id, name: "Bench Staff", email: staff.email, role: "staff", emailVerified: true });
      await insertPasswordLogin(database.db, id, await hashPassword(staff.password));
      await options.prepare?.(database.db);
    } finally {
      await database.close();
    }
  } catch (error) {
    await pgDb?.drop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  const probe = memoryProbe();

  const startOnce = async (extraEnv: Record<string, string>) => {
    const args = [
      ...(options.nodeArgs ?? []),
      ...(options.gcHook ? ["--expose-gc"] : []),
      "--import",
      "tsx",
      ...(options.gcHook ? ["--import", "./bench/gc-hook.ts"] : []),
      "src/main.ts",
    ];
    const started = spawnNode(args, {
      label: options.label,
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        PUBLIC_URL: base,
        DATA_DIR: dataDir,
        DATABASE_URL: pgDb?.url,
        DEMO_DATA: "false",
        SIGNIN_RATE_LIMIT: "100000",
        SESSION_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
        LOG_LEVEL: "warn",
        SMTP_URL: undefined,
        // As `npm start` runs it (src/config/allocator.ts).
        MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? recommendedArenaMax,
        ...options.env,
        ...extraEnv,
      },
      onLine: probe.onLine,
    });
    child = started;
    let exited = false;
    started.once("exit", () => {
      exited = true;
    });
    await until(
      async () => {
        if (exited)
          throw new Error(
            `the server (${options.label}) exited during start: ${started.exitCode ?? started.signalCode}`,
          );
        try {
          const response = await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(2000) });
          return response.status === 200;
        } catch {
          return false;
        }
      },
      120_000,
      `${options.label} to answer /readyz`,
    );
  };

  const app: AppProcess = {
    driver: options.driver,
    base,
    port,
    staff,
    child: () => child,
    async start(extraEnv = {}) {
      if (child && child.exitCode === null && child.signalCode === null) throw new Error("already running");
      // In a shared work tree someone's `npm run build` may be rewriting build/ right now:
      // wait for it to come back, and start again once if the server found it missing.
      for (let attempt = 1; ; attempt++) {
        await until(() => existsSync(buildEntry), 120_000, "build/server/index.js (npm run build)");
        try {
          await startOnce(extraEnv);
          return;
        } catch (error) {
          if (attempt >= 3 || existsSync(buildEntry)) throw error;
        }
      }
    },
    async stop(signal = "SIGTERM") {
      if (child) await stopChild(child, signal);
      child = null;
    },
    memory: () => probe.read(child),
    async dispose() {
      if (child) await stopChild(child, "SIGKILL");
      child = null;
      await pgDb?.drop().catch((error) => console.error(`could not drop the bench database: ${error}`));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

/** Signs in through better-auth's HTTP endpoint; returns the Cookie header to send. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** Creates a wall through the API as the signed-in staff person; returns its id. */
export async function createWall(base: string, cookie: string, title: string): Promise<string> {
  const response = await fetch(`${base}/api/walls`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify({ title }),
  });
  const body = (await response.json()) as { id?: string };
  if (response.status !== 201 || !body.id)
    throw new Error(`creating a wall failed: ${response.status} ${JSON.stringify(body)}`);
  return body.id;
}
