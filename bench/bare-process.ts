import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPgDatabase } from "./app-process.ts";
import { freePort, type Memory, memoryProbe, spawnNode, stopChild, until } from "./procs.ts";

export interface BareProcess {
  base: string;
  child(): ChildProcess | null;
  start(): Promise<void>;
  stop(): Promise<void>;
  memory(): Promise<Memory>;
  dispose(): Promise<void>;
}

/** The bare node:http broadcaster (bench/bare-broadcaster.ts), started like the app: --expose-gc and the GC hook. */
export async function prepareBare(options: {
  db: "none" | "pglite" | "postgres";
  pgServerUrl?: string;
  label: string;
}): Promise<BareProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), `uudistamo-${options.label}-`));
  const pgDb =
    options.db === "postgres" && options.pgServerUrl
      ? await createPgDatabase(options.pgServerUrl, options.label.replace(/\W/g, "_"))
      : null;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const probe = memoryProbe();
  let child: ChildProcess | null = null;
  return {
    base,
    child: () => child,
    async start() {
      let listening = false;
      const started = spawnNode(
        ["--expose-gc", "--import", "tsx", "--import", "./bench/gc-hook.ts", "bench/bare-broadcaster.ts"],
        {
          label: options.label,
          env: {
            PORT: String(port),
            BARE_DB: options.db,
            BARE_PGLITE_DIR: path.join(dir, "pglite"),
            BARE_DATABASE_URL: pgDb?.url,
          },
          onLine: (line) => {
            if (line.startsWith("BARE_LISTENING")) listening = true;
            probe.onLine(line);
          },
        },
      );
      child = started;
      await until(
        () => {
          if (started.exitCode !== null) throw new Error(`${options.label} exited during start`);
          return listening;
        },
        60_000,
        `${options.label} to listen`,
      );
    },
    async stop() {
      if (child) await stopChild(child, "SIGTERM");
      child = null;
    },
    memory: () => probe.read(child),
    async dispose() {
      if (child) await stopChild(child, "SIGKILL");
      child = null;
      await pgDb?.drop().catch((error) => console.error(`could not drop the bench database: ${error}`));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
