/**
 * A load-generator process holding many SSE subscribers, driven by the bench
 * over IPC. Raw node:http requests (one socket each, no fetch, no parsing
 * beyond finding the bench's marker `bench#<n>#` in the bytes), so that the
 * per-connection cost of the client stays small: the same code measures
 * Uudistamo and the bare broadcaster.
 *
 * Parent → child: {type:"open", url, count, headers, concurrency}
 *                 {type:"collect"}  → {type:"times", times: {n: arrival ms per connection}}
 *                 {type:"close"}    → closes every socket and exits
 * Child → parent: {type:"ready", files}, {type:"opened", open, failed, ms},
 *                 {type:"complete", n} when every open connection has seen marker n,
 *                 {type:"dropped", open} when a connection ends
 */
import { type ClientRequest, request } from "node:http";
import { fileLimits, nowMs } from "./procs.ts";

export type ToClients =
  | {
      type: "open";
      url: string;
      count: number;
      headers: Record<string, string>;
      concurrency: number;
      /** Idle subscribers: read and drop the bytes without looking at them. */
      discard: boolean;
    }
  | { type: "collect" }
  | { type: "close" };

export type FromClients =
  | { type: "ready"; files: { soft: number; hard: number } }
  | { type: "opened"; open: number; failed: number; errors: string[]; ms: number }
  | { type: "complete"; n: number }
  | { type: "dropped"; open: number }
  | { type: "times"; times: Record<string, (number | null)[]> };

const send = (message: FromClients) => process.send?.(message);

interface Connection {
  index: number;
  request: ClientRequest;
  last: number;
  tail: string;
  open: boolean;
}

const connections: Connection[] = [];
/** Arrival time (monotonic ms) of marker n on each connection. */
const arrivals = new Map<number, Float64Array>();
const received = new Map<number, number>();
let openCount = 0;
let expected = 0;

const marker = /bench#(\d+)#/g;

function onText(conn: Connection, text: string, at: number) {
  const all = conn.tail + text;
  marker.lastIndex = 0;
  for (let m = marker.exec(all); m; m = marker.exec(all)) {
    const n = Number(m[1]);
    if (n <= conn.last) continue;
    conn.last = n;
    let times = arrivals.get(n);
    if (!times) {
      times = new Float64Array(expected).fill(Number.NaN);
      arrivals.set(n, times);
    }
    times[conn.index] = at;
    const count = (received.get(n) ?? 0) + 1;
    received.set(n, count);
    if (count === openCount) send({ type: "complete", n });
  }
  conn.tail = all.slice(-24);
}

function connect(url: URL, index: number, headers: Record<string, string>, discard: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const done = (error?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    };
    const req = request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: "GET",
      agent: false,
      headers: { accept: "text/event-stream", ...headers },
    });
    const conn: Connection = { index, request: req, last: 0, tail: "", open: false };
    const timer = setTimeout(() => {
      req.destroy(new Error("connect timeout"));
    }, 60_000);
    req.on("response", (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        done(new Error(`status ${response.statusCode}`));
        return;
      }
      response.setEncoding("latin1");
      const opened = () => {
        conn.open = true;
        openCount += 1;
        connections[index] = conn;
        done();
      };
      if (discard) {
        response.once("data", () => {
          opened();
          response.resume();
        });
      } else {
        response.on("data", (chunk: string) => {
          const at = nowMs();
          if (!conn.open) opened();
          onText(conn, chunk, at);
        });
      }
      response.on("close", () => {
        if (conn.open) {
          conn.open = false;
          openCount -= 1;
          send({ type: "dropped", open: openCount });
        }
        done(new Error("closed before the first frame"));
      });
    });
    req.on("error", (error) => done(error));
    req.end();
  });
}

async function openAll(message: Extract<ToClients, { type: "open" }>) {
  const started = nowMs();
  const url = new URL(message.url);
  expected = message.count;
  let next = 0;
  let failed = 0;
  const errors = new Map<string, number>();
  const worker = async () => {
    while (next < message.count) {
      const index = next++;
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          await connect(url, index, message.headers, message.discard);
          break;
        } catch (error) {
          const text = error instanceof Error ? error.message : String(error);
          errors.set(text, (errors.get(text) ?? 0) + 1);
          if (attempt === 2) failed += 1;
          else await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(message.concurrency, message.count) }, worker));
  send({
    type: "opened",
    open: openCount,
    failed,
    errors: [...errors].map(([text, n]) => `${n}× ${text}`),
    ms: nowMs() - started,
  });
}

process.on("message", (message: ToClients) => {
  if (message.type === "open") void openAll(message);
  else if (message.type === "collect") {
    const times: Record<string, (number | null)[]> = {};
    for (const [n, values] of arrivals) times[n] = Array.from(values, (v) => (Number.isNaN(v) ? null : v));
    send({ type: "times", times });
  } else if (message.type === "close") {
    for (const conn of connections) conn?.request.destroy();
    setTimeout(() => process.exit(0), 100);
  }
});
process.on("disconnect", () => process.exit(0));
// Never outlive the bench: a hard stop after 15 minutes whatever happens.
setTimeout(() => process.exit(2), 15 * 60_000).unref();

send({ type: "ready", files: fileLimits() });
