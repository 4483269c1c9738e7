import { sql } from "drizzle-orm";
import {
  type Clock,
  type ConstructorOptions,
  type DrizzleTransactionLike,
  fromDrizzle,
  fromPglite,
  type Job,
  PgBoss,
  type Db as QueueDb,
} from "pg-boss";
import type { Database, Db, Tx } from "../db/client.ts";
import type { Logger } from "../logger.ts";
import { readOverview } from "./overview.ts";

/** How a kind of job is retried and kept. */
export interface JobOptions {
  /** Retries after the first attempt before the job is failed for good. */
  retryLimit?: number;
  /** Seconds before the first retry; with retryBackoff the wait doubles (with jitter) on each retry. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  retryDelayMaxSeconds?: number;
  /** A run still going after this long is counted as failed (the process died or hung) and retried. */
  expireInSeconds?: number;
  /** How long a completed or failed job stays in the database (and on the jobs page). */
  keepSeconds?: number;
  /** Look for due jobs at least this often (paced jobs come due every few seconds); the queue's own interval otherwise. */
  pollingIntervalSeconds?: number;
}

export interface JobContext {
  id: string;
  /** 1 on the first run. */
  attempt: number;
}
export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

export interface SendOptions {
  /**
   * The caller's transaction: the job is written in it, so it exists exactly when the
   * caller's write commits. On PGlite this is required inside a transaction: the one
   * connection is held by the transaction until it ends.
   */
  tx?: Db | Tx;
  startAfter?: Date;
}

export interface JobView {
  id: string;
  name: string;
  state: "created" | "retry" | "active" | "completed" | "cancelled" | "failed";
  /** Runs started so far. */
  attempts: number;
  retryLimit: number;
  createdAt: Date;
  /** When it may run next (queued jobs), or when it last started. */
  runAfter: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** The last failure's message (with any token in a link masked); never the job's data. */
  error: string | null;
}

export interface JobsOverview {
  counts: { queued: number; running: number; failed: number; completed: number };
  queued: JobView[];
  running: JobView[];
  failed: JobView[];
}

/**
 * Durable background jobs, the one mechanism every module uses. Jobs live in the
 * database (pg-boss's own "pgboss" schema), so they survive restarts; a job is handed
 * to one worker at a time even with several app instances; failures are retried with
 * backoff and end as failed jobs an admin can see.
 */
export interface JobQueue {
  /** Says how to run a kind of job. Every process that may run it defines it, before or after start. */
  define<T extends object>(name: string, handler: JobHandler<T>, options?: JobOptions): void;
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string>;
  /**
   * Queues many jobs spaced `60 / perMinute` seconds apart, after any of the same kind
   * still waiting, so several batches (from any instance) together keep the rate.
   */
  sendPaced<T extends object>(
    name: string,
    items: T[],
    perMinute: number,
    options?: { tx?: Db | Tx },
  ): Promise<string[]>;
  /** A recurring job on a cron expression (in Finnish time unless tz says otherwise); re-registering replaces it. */
  schedule<T extends object>(name: string, cron: string, data?: T, options?: { tz?: string }): Promise<void>;
  start(): Promise<void>;
  /** Lets running jobs finish (up to a few seconds), then stops; a job cut short runs again later. */
  stop(): Promise<void>;
  /** Counts per state and the latest queued, running and failed jobs, for the admin page. */
  overview(limit?: number): Promise<JobsOverview>;
}

export interface JobQueueOptions {
  logger: Logger;
  /** How often an idle worker looks for due jobs (new jobs wake it at once through LISTEN/NOTIFY). */
  pollingIntervalSeconds?: number;
  /** False: this process queues jobs but runs none (a one-off script, a web-only instance). */
  runWorkers?: boolean;
  /** Tests drive time with pg-boss's TestClock (cron schedules without waiting a minute). */
  clock?: Clock;
}

const schema = "pgboss";
const stopTimeoutMs = 5000;

interface Definition {
  handler: JobHandler<object>;
  options: JobOptions;
}

export function createJobQueue(database: Database, options: JobQueueOptions): JobQueue {
  const { logger } = options;
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  const definitions = new Map<string, Definition>();
  const schedules: { name: string; cron: string; data: object; tz: string }[] = [];
  let boss: PgBoss | null = null;
  // Jobs defined after start are installed in the background; a send waits for its queue.
  const installing = new Map<string, Promise<void>>();

  function connection(): ConstructorOptions {
    const target = database.queueTarget;
    if ("url" in target) return { connectionString: target.url, max: 4, application_name: "uudistamo-jobs" };
    return { db: fromPglite(target.pglite), backend: "pglite" };
  }

  function running(): PgBoss {
    if (!boss) throw new Error("the job queue is not started");
    return boss;
  }

  async function known(name: string): Promise<void> {
    // A send to a queue this process has not created would look the queue up on a second
    // connection; on PGlite that waits for the caller's own transaction: a deadlock.
    if (!definitions.has(name)) throw new Error(`no job named ${name} is defined`);
    await installing.get(name);
  }

  async function install(name: string, definition: Definition) {
    const b = running();
    const o = definition.options;
    const queue = {
      retryLimit: o.retryLimit ?? 3,
      retryDelay: o.retryDelaySeconds ?? 5,
      retryBackoff: o.retryBackoff ?? true,
      ...(o.retryDelayMaxSeconds ? { retryDelayMax: o.retryDelayMaxSeconds } : {}),
      expireInSeconds: o.expireInSeconds ?? 15 * 60,
      deleteAfterSeconds: o.keepSeconds ?? 7 * 24 * 60 * 60,
      notify: true,
    };
    await b.createQueue(name, queue);
    // createQueue leaves an existing queue alone: bring its settings to what the code says now.
    const { notify: _, ...settings } = queue;
    await b.updateQueue(name, settings);
    if (options.runWorkers === false) return;
    // New jobs wake the worker at once (NOTIFY); polling finds jobs coming due (retries, paced jobs).
    const interval = Math.min(pollingIntervalSeconds, o.pollingIntervalSeconds ?? pollingIntervalSeconds);
    let workerId: string | undefined;
    workerId = await b.work(
      name,
      { pollingIntervalSeconds: interval, notifyPollingIntervalSeconds: interval },
      async (jobs: Job<object>[]) => {
        try {
          for (const job of jobs) {
            try {
              await definition.handler(job.data, { id: job.id, attempt: job.retryCount + 1 });
            } catch (error) {
              // The job's data may hold a secret (a reset link): only its name and id are logged.
              logger.warn(`job ${name} ${job.id} failed on attempt ${job.retryCount + 1}`, errorMessage(error));
              throw error;
            }
          }
        } finally {
          // Look for the next job straight away rather than after a polling interval: a backlog drains at once.
          if (workerId) b.notifyWorker(workerId);
        }
      },
    );
  }

  return {
    define(name, handler, jobOptions = {}) {
      if (definitions.has(name)) throw new Error(`job ${name} is defined twice`);
      const definition = { handler: handler as JobHandler<object>, options: jobOptions };
      definitions.set(name, definition);
      if (boss) {
        const installed = install(name, definition);
        installed.catch((error: unknown) => logger.error(`could not start job ${name}`, error));
        installing.set(name, installed);
      }
    },

    async send(name, data, sendOptions = {}) {
      await known(name);
      const id = await running().send(name, data, {
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.tx ? { db: inTransaction(sendOptions.tx) } : {}),
      });
      if (!id) throw new Error(`job ${name} was not queued`);
      return id;
    },

    async sendPaced(name, items, perMinute, sendOptions = {}) {
      await known(name);
      if (items.length === 0) return [];
      const spacingMs = 60_000 / perMinute;
      const write = async (tx: Db | Tx) => {
        // One batch at a time reads the last slot, so two batches interleave instead of doubling the rate.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`uudistamo.jobs.paced.${name}`}))`);
        const result = await tx.execute(
          sql`select max(start_after) as last from pgboss.job where name = ${name} and state in ('created', 'retry')`,
        );
        const last = (result as unknown as { rows: { last: Date | string | null }[] }).rows[0]?.last;
        const first = Math.max(Date.now(), last ? new Date(last).getTime() + spacingMs : 0);
        const ids = await running().insert(
          name,
          items.map((data, index) => ({ data, startAfter: new Date(first + index * spacingMs) })),
          { db: inTransaction(tx), returnId: true },
        );
        return ids ?? [];
      };
      return sendOptions.tx ? write(sendOptions.tx) : database.db.transaction(write);
    },

    async schedule(name, cron, data = {} as never, scheduleOptions = {}) {
      await known(name);
      const entry = { name, cron, data, tz: scheduleOptions.tz ?? "Europe/Helsinki" };
      schedules.push(entry);
      if (boss) await boss.schedule(name, cron, data, { tz: entry.tz });
    },

    async start() {
      if (boss) return;
      const b = new PgBoss({
        ...connection(),
        schema,
        useListenNotify: true,
        ...(options.clock ? { clock: options.clock } : {}),
      });
      b.on("error", (error) => logger.error("job queue error", error));
      b.on("warning", (warning) => logger.warn(`job queue warning: ${warning.message}`));
      await b.start();
      boss = b;
      for (const [name, definition] of definitions) await install(name, definition);
      for (const s of schedules) await b.schedule(s.name, s.cron, s.data, { tz: s.tz });
    },

    async stop() {
      const b = boss;
      if (!b) return;
      boss = null;
      await b.stop({ graceful: true, timeout: stopTimeoutMs });
    },

    overview: (limit = 50) => readOverview(running().getDb(), schema, limit),
  };
}

/** pg-boss's statements on the caller's Drizzle transaction (pg-boss's own adapter; same on both drivers). */
function inTransaction(tx: Db | Tx): QueueDb {
  return fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
