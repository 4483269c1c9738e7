import type { ChildProcess } from "node:child_process";
import { spawnNode, stopChild, until } from "./procs.ts";
import type { FromClients, ToClients } from "./sse-clients.ts";

interface Worker {
  child: ChildProcess;
  share: number;
  messages: FromClients[];
  complete: Set<number>;
  dropped: number;
}

/** SSE subscribers spread over several load-generator processes (bench/sse-clients.ts). */
export class Subscribers {
  private constructor(
    private readonly workers: Worker[],
    readonly files: { soft: number; hard: number },
  ) {}

  static async start(processes: number, label: string): Promise<Subscribers> {
    const workers: Worker[] = [];
    for (let i = 0; i < processes; i++) {
      const child = spawnNode(["--import", "tsx", "bench/sse-clients.ts"], { ipc: true, label: `${label}-${i}` });
      const worker: Worker = { child, share: 0, messages: [], complete: new Set(), dropped: 0 };
      child.on("message", (message: FromClients) => {
        if (message.type === "complete") worker.complete.add(message.n);
        else if (message.type === "dropped") worker.dropped += 1;
        else worker.messages.push(message);
      });
      workers.push(worker);
    }
    const readies = await Promise.all(workers.map((w) => Subscribers.next(w, "ready", 60_000)));
    const files = readies[0]?.type === "ready" ? readies[0].files : { soft: 0, hard: 0 };
    return new Subscribers(workers, files);
  }

  private static async next<T extends FromClients["type"]>(
    worker: Worker,
    type: T,
    timeoutMs: number,
  ): Promise<Extract<FromClients, { type: T }>> {
    let found: FromClients | undefined;
    await until(
      () => {
        if (worker.child.exitCode !== null || worker.child.signalCode !== null)
          throw new Error("a subscriber process died");
        const at = worker.messages.findIndex((m) => m.type === type);
        if (at >= 0) found = worker.messages.splice(at, 1)[0];
        return found !== undefined;
      },
      timeoutMs,
      `a subscriber process to send "${type}"`,
    );
    return found as Extract<FromClients, { type: T }>;
  }

  private post(worker: Worker, message: ToClients) {
    worker.child.send(message);
  }

  /** Opens `total` streams in all, split evenly over the processes. */
  async open(
    url: string,
    total: number,
    options: { headers?: Record<string, string>; concurrency?: number; discard?: boolean } = {},
  ) {
    const per = Math.floor(total / this.workers.length);
    this.workers.forEach((w, i) => {
      w.share = i === this.workers.length - 1 ? total - per * (this.workers.length - 1) : per;
      w.complete.clear();
      this.post(w, {
        type: "open",
        url,
        count: w.share,
        headers: options.headers ?? {},
        concurrency: options.concurrency ?? 100,
        discard: options.discard ?? false,
      });
    });
    const answers = await Promise.all(this.workers.map((w) => Subscribers.next(w, "opened", 300_000)));
    return {
      open: answers.reduce((n, a) => n + a.open, 0),
      failed: answers.reduce((n, a) => n + a.failed, 0),
      ms: Math.max(...answers.map((a) => a.ms)),
      errors: answers.flatMap((a) => a.errors),
    };
  }

  /** Waits until every process reports that all its streams have seen marker n; false on timeout. */
  async waitComplete(n: number, timeoutMs: number): Promise<boolean> {
    try {
      await until(() => this.workers.every((w) => w.complete.has(n)), timeoutMs, `delivery of post ${n}`);
      return true;
    } catch {
      return false;
    }
  }

  get dropped(): number {
    return this.workers.reduce((n, w) => n + w.dropped, 0);
  }

  /** Arrival times (monotonic ms) of each marker on every stream; null where it never arrived. */
  async collect(): Promise<Map<number, (number | null)[]>> {
    for (const w of this.workers) this.post(w, { type: "collect" });
    const answers = await Promise.all(this.workers.map((w) => Subscribers.next(w, "times", 60_000)));
    const merged = new Map<number, (number | null)[]>();
    const keys = new Set(answers.flatMap((a) => Object.keys(a.times).map(Number)));
    for (const n of [...keys].sort((a, b) => a - b)) {
      const list: (number | null)[] = [];
      answers.forEach((answer, i) => {
        // A process none of whose streams saw n has no entry for it: its streams count as missing.
        const values = answer.times[n] ?? [];
        const share = this.workers[i]?.share ?? 0;
        for (let j = 0; j < share; j++) list.push(values[j] ?? null);
      });
      merged.set(n, list);
    }
    return merged;
  }

  async close(): Promise<void> {
    for (const w of this.workers) {
      if (w.child.connected) this.post(w, { type: "close" });
    }
    await Promise.all(
      this.workers.map(async (w) => {
        await Promise.race([
          new Promise<void>((resolve) => {
            if (w.child.exitCode !== null || w.child.signalCode !== null) resolve();
            else w.child.once("exit", () => resolve());
          }),
          new Promise<void>((resolve) => setTimeout(resolve, 5000).unref()),
        ]);
        await stopChild(w.child, "SIGKILL");
      }),
    );
  }
}
