import { Agent, request } from "node:http";
import { nowMs, sleep } from "./procs.ts";
import { round, type Summary, summarize } from "./stats.ts";

export interface PostTarget {
  /** http://127.0.0.1:port */
  base: string;
  path: string;
  /** Sent as Origin (Uudistamo checks it on unsafe requests). */
  origin: string;
}

export interface Answer {
  status: number;
  ms: number;
  setCookie: string[];
  text: string;
}

/** One request over raw node:http (keep-alive through `agent`); never rejects: a failure is status 0. */
export function send(
  agent: Agent,
  target: { base: string; origin: string },
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  options: { keepText?: boolean; timeoutMs?: number } = {},
): Promise<Answer> {
  const url = new URL(target.base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const started = nowMs();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<Answer, "ms">) => {
      if (settled) return;
      settled = true;
      resolve({ ...answer, ms: nowMs() - started });
    };
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        method,
        agent,
        timeout: options.timeoutMs ?? 30_000,
        headers: {
          origin: target.origin,
          ...(payload !== undefined
            ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) }
            : {}),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        if (options.keepText) response.on("data", (chunk: Buffer) => chunks.push(chunk));
        else response.resume();
        response.on("end", () =>
          finish({
            status: response.statusCode ?? 0,
            setCookie: response.headers["set-cookie"] ?? [],
            text: options.keepText ? Buffer.concat(chunks).toString("utf8") : "",
          }),
        );
        response.on("error", (error) => finish({ status: 0, setCookie: [], text: String(error) }));
      },
    );
    req.on("timeout", () => req.destroy(new Error("timeout")));
    req.on("error", (error) => finish({ status: 0, setCookie: [], text: error.message }));
    req.end(payload);
  });
}

/**
 * Participant cookies for posting: a request without one gets a fresh
 * participant from the server (Set-Cookie), which is then reused for at most
 * `uses` posts, below the per-participant limit of 10 posts a minute.
 */
export class ParticipantCookies {
  private readonly pool: { cookie: string; left: number }[] = [];
  constructor(private readonly uses = 10) {}

  take(): string | null {
    const item = this.pool[this.pool.length - 1];
    if (!item) return null;
    item.left -= 1;
    if (item.left <= 0) this.pool.pop();
    return item.cookie;
  }

  remember(setCookie: string[]): void {
    for (const line of setCookie) {
      const pair = line.split(";")[0] ?? "";
      if (pair.startsWith("uudistamo_participant=")) this.pool.push({ cookie: pair, left: this.uses - 1 });
    }
  }
}

export interface LoadResult {
  mode: "closed" | "open";
  /** Concurrency (closed loop) or target rate per second (open loop). */
  level: number;
  sent: number;
  unfinished: number;
  statuses: Record<string, number>;
  durationMs: number;
  requestsPerS: number;
  acceptedPerS: number;
  /** Accepted posts ÷ time until the last accepted answer: the write path's rate while posts were accepted. */
  acceptedBurst: { count: number; ms: number; perS: number };
  latencyAll: Summary;
  latencyAccepted: Summary;
  errors: string[];
}

interface Outcome {
  status: number;
  latency: number;
  doneAt: number;
  error?: string;
}

function result(
  mode: LoadResult["mode"],
  level: number,
  outcomes: Outcome[],
  sent: number,
  started: number,
  ended: number,
): LoadResult {
  const statuses: Record<string, number> = {};
  const errors = new Map<string, number>();
  const accepted: Outcome[] = [];
  for (const o of outcomes) {
    statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    if (o.status >= 200 && o.status < 300) accepted.push(o);
    if (o.error) errors.set(o.error, (errors.get(o.error) ?? 0) + 1);
  }
  const durationMs = ended - started;
  const lastAccepted = accepted.reduce((max, o) => Math.max(max, o.doneAt - started), 0);
  return {
    mode,
    level,
    sent,
    unfinished: sent - outcomes.length,
    statuses,
    durationMs: round(durationMs, 0),
    requestsPerS: round((outcomes.length / durationMs) * 1000, 1),
    acceptedPerS: round((accepted.length / durationMs) * 1000, 1),
    acceptedBurst: {
      count: accepted.length,
      ms: round(lastAccepted, 1),
      perS: lastAccepted > 0 ? round((accepted.length / lastAccepted) * 1000, 1) : 0,
    },
    latencyAll: summarize(outcomes.map((o) => o.latency)),
    latencyAccepted: summarize(accepted.map((o) => o.latency)),
    errors: [...errors].slice(0, 5).map(([text, n]) => `${n}× ${text}`),
  };
}

export type BodyMaker = (i: number) => unknown;

/** `concurrency` clients, each sending its next post as soon as the last is answered, for `durationMs`. */
export async function closedLoop(options: {
  target: PostTarget;
  concurrency: number;
  durationMs: number;
  makeBody: BodyMaker;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const cookies = new ParticipantCookies();
  const outcomes: Outcome[] = [];
  let i = 0;
  const started = nowMs();
  const deadline = started + options.durationMs;
  const client = async () => {
    while (nowMs() < deadline) {
      const n = i++;
      const cookie = cookies.take();
      const answer = await send(
        agent,
        options.target,
        "POST",
        options.target.path,
        options.makeBody(n),
        cookie ? { cookie } : {},
      );
      cookies.remember(answer.setCookie);
      outcomes.push({
        status: answer.status,
        latency: answer.ms,
        doneAt: nowMs(),
        ...(answer.status === 0 ? { error: answer.text } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  const ended = nowMs();
  agent.destroy();
  return result("closed", options.concurrency, outcomes, i, started, ended);
}

/**
 * Posts at a fixed rate whatever the answers (open loop): each latency is
 * counted from the moment the request was due, so a slow server cannot hide
 * its queue (no coordinated omission).
 */
export async function openLoop(options: {
  target: PostTarget;
  rate: number;
  durationMs: number;
  drainMs: number;
  makeBody: BodyMaker;
}): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const cookies = new ParticipantCookies();
  const outcomes: Outcome[] = [];
  const total = Math.round((options.rate * options.durationMs) / 1000);
  const interval = 1000 / options.rate;
  const started = nowMs();
  const pending: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const due = started + n * interval;
    const wait = due - nowMs();
    if (wait > 1) await sleep(Math.floor(wait));
    const cookie = cookies.take();
    pending.push(
      send(agent, options.target, "POST", options.target.path, options.makeBody(n), cookie ? { cookie } : {}, {
        timeoutMs: options.durationMs + options.drainMs,
      }).then((answer) => {
        cookies.remember(answer.setCookie);
        const doneAt = nowMs();
        outcomes.push({
          status: answer.status,
          latency: doneAt - due,
          doneAt,
          ...(answer.status === 0 ? { error: answer.text } : {}),
        });
      }),
    );
  }
  const drained = Promise.all(pending);
  await Promise.race([drained, sleep(options.drainMs)]);
  const ended = nowMs();
  agent.destroy();
  return result("open", options.rate, outcomes, total, started, ended);
}
