import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
/**
 * The Drizzle database, whichever driver is underneath. Queries use the query builder with each module's tables
 * (no relational `db.query`), so there is no central schema object: drizzle.config.ts finds every module's schema.ts.
 */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; services take `Db | Tx` so they compose inside a caller's transaction. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export interface Database {
  db: Db;
  driver: "pglite" | "postgres";
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Where the job queue (src/jobs) keeps its jobs: on PostgreSQL it connects by URL
   * with a small pool of its own, so workers' polling never waits behind web requests
   * for a connection; on PGlite it shares the one embedded client.
   */
  queueTarget: { url: string } | { pglite: PGlite };
  /**
   * PostgreSQL only: a channel between app instances (LISTEN/NOTIFY), so live
   * changes committed on one instance reach the streams held by the others.
   */
  channel?: {
    notify(channel: string, payload: string): Promise<void>;
    /** Calls onMessage per notification; after a lost connection is re-made, onReconnect (notifications may have been missed). */
    listen(
      channel: string,
      onMessage: (payload: string) => void,
      onReconnect: () => void,
    ): Promise<() => Promise<void>>;
  };
}

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../drizzle");

export type DatabaseTarget = { url: string } | { dataDir: string } | { memory: true };

export interface DatabaseOptions {
  /** Called with each statement the app's Drizzle handle sends (tests count a request's queries with it). */
  onQuery?: (query: string) => void;
}

/** Opens PostgreSQL when a URL is given, otherwise embedded PGlite (on disk, or in memory for tests). */
export async function openDatabase(target: DatabaseTarget, options: DatabaseOptions = {}): Promise<Database> {
  const onQuery = options.onQuery;
  const logger = onQuery ? { logQuery: (query: string) => onQuery(query) } : undefined;
  if ("url" in target) {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection the server ends (a restart, a terminated backend) leaves the pool, and the next
    // query opens a new one; unhandled, its error would end the process.
    pool.on("error", () => {});
    const db = drizzlePg(pool, { logger }) as unknown as Db;
    return {
      db,
      driver: "postgres",
      migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
      ping: async () => void (await pool.query("select 1")),
      close: () => pool.end(),
      queueTarget: { url: target.url },
      channel: {
        notify: async (channel, payload) => void (await pool.query("select pg_notify($1, $2)", [channel, payload])),
        async listen(channel, onMessage, onReconnect) {
          // A dedicated connection: LISTEN belongs to one session, which a pooled client would lose.
          let stopped = false;
          let client: pg.Client;
          const connect = async (): Promise<void> => {
            const next = new pg.Client({ connectionString: target.url });
            // A lost connection is re-made below; its error needs no other handling.
            next.on("error", () => {});
            next.on("end", () => {
              if (!stopped) setTimeout(() => connect().then(onReconnect, () => next.emit("end")), 1000).unref();
            });
            next.on("notification", (message) => {
              if (message.channel === channel && message.payload) onMessage(message.payload);
            });
            await next.connect();
            await next.query(`listen "${channel.replace(/"/g, "")}"`);
            client = next;
          };
          await connect();
          return async () => {
            stopped = true;
            await client.end();
          };
        },
      },
    };
  }
  let client: PGlite;
  if ("dataDir" in target) {
    mkdirSync(target.dataDir, { recursive: true });
    client = await PGlite.create(target.dataDir);
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite(client, { logger }) as unknown as Db;
  return {
    db,
    driver: "pglite",
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
    queueTarget: { pglite: client },
  };
}
