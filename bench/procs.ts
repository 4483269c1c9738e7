import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const rootDir = path.resolve(import.meta.dirname, "..");

/** Every child this run started, so that any way out of the run kills them (by pid, never by name). */
const children = new Set<ChildProcess>();

export function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  }
  children.clear();
}

process.on("exit", killAll);

/** The highest open-files limit a child may get: the hard limit (`ulimit -Hn`). */
export function fileLimits(): { soft: number; hard: number } {
  const line = readFileSync("/proc/self/limits", "utf8")
    .split("\n")
    .find((l) => l.startsWith("Max open files"));
  const [soft, hard] = (line?.match(/\d+|unlimited/g) ?? []).map((v) => (v === "unlimited" ? Infinity : Number(v)));
  return { soft: soft ?? 0, hard: hard ?? 0 };
}

/** Number of fds a child is asked to get; 10,000 sockets in one process need a bit more than 10,000. */
export const wantedFiles = 65_536;

/**
 * Starts `node <args>` through a shell that first raises the open-files limit
 * (to 65,536 if the hard limit allows, else to the hard limit), so that
 * thousands of sockets fit in one process. The IPC channel (fd 3) passes
 * through `exec`.
 */
export function spawnNode(
  args: string[],
  options: {
    /** Added to this process's environment; a key set to undefined is removed. */
    env?: Record<string, string | undefined>;
    ipc?: boolean;
    label: string;
    onLine?: (line: string) => void;
  },
): ChildProcess {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...options.env }))
    if (value !== undefined) env[key] = value;
  const quoted = args.map((a) => `'${a.replaceAll("'", `'\\''`)}'`).join(" ");
  const script = `ulimit -n ${wantedFiles} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec node ${quoted}`;
  const child = spawn("bash", ["-c", script], {
    cwd: rootDir,
    env,
    stdio: ["ignore", "pipe", "pipe", ...(options.ipc ? (["ipc"] as const) : [])],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));
  const relay = (stream: NodeJS.ReadableStream | null, toStderr: boolean) => {
    if (!stream) return;
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      rest += chunk;
      for (let at = rest.indexOf("\n"); at >= 0; at = rest.indexOf("\n")) {
        const line = rest.slice(0, at);
        rest = rest.slice(at + 1);
        options.onLine?.(line);
        if (toStderr || process.env.BENCH_VERBOSE) process.stderr.write(`  [${options.label}] ${line}\n`);
      }
    });
  };
  relay(child.stdout, false);
  relay(child.stderr, true);
  return child;
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL", waitMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    if (child.pid) process.kill(child.pid, signal);
  } catch {
    return;
  }
  const timer = new Promise<void>((resolve) => setTimeout(resolve, waitMs).unref());
  await Promise.race([exited, timer]);
  if (child.exitCode === null && child.signalCode === null && child.pid) {
    try {
      process.kill(child.pid, "SIGKILL");
    } catch {
      // gone
    }
    await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 2000).unref())]);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Monotonic milliseconds, comparable between processes on one machine (CLOCK_MONOTONIC). */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Waits until `check` is true, polling; throws after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(50);
  }
}

export interface Memory {
  /** Whether a full GC ran first (the process was started with --expose-gc). */
  gc: boolean;
  rss: number;
  heapUsed: number;
  external: number;
}

/**
 * Reads a server's memory through bench/gc-hook.ts: SIGUSR2 makes it run a
 * full GC and print a `BENCH_MEM {...}` line. Feed the child's stdout lines to
 * `onLine`.
 */
export function memoryProbe() {
  const waiters: ((m: Memory) => void)[] = [];
  return {
    onLine(line: string) {
      if (!line.startsWith("BENCH_MEM ")) return;
      const memory = JSON.parse(line.slice("BENCH_MEM ".length)) as Memory;
      for (const wake of waiters.splice(0)) wake(memory);
    },
    read(child: ChildProcess | null): Promise<Memory> {
      const pid = child?.pid;
      if (!pid || child.exitCode !== null || child.signalCode !== null) return Promise.reject(new Error("not running"));
      return new Promise<Memory>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no BENCH_MEM line within 20 s")), 20_000);
        waiters.push((m) => {
          clearTimeout(timer);
          resolve(m);
        });
        process.kill(pid, "SIGUSR2");
      });
    },
  };
}
