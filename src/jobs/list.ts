import { and, count, inArray, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { z } from "zod";
import { keyset, type Page, pageQuery } from "../core/pagination.ts";
import type { Db } from "../db/client.ts";
import type { Locale } from "../i18n/locale.ts";
import { pgbossJobs } from "./job-table.ts";
import { maskSecrets } from "./overview.ts";
import type { JobView } from "./queue.ts";

/** The three lists of the jobs page, each paged on its own. */
export const jobLists = ["queued", "running", "failed"] as const;
export type JobList = (typeof jobLists)[number];

export const jobsPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
export type JobsPageQuery = z.input<typeof jobsPageInput>;

// pg-boss's own bookkeeping queues (cron and the like) are not anyone's work.
const ours = sql`left(${pgbossJobs.name}, 10) <> '__pgboss__'`;

const pagedBy = (list: JobList, key: PgColumn, order: "asc" | "desc") =>
  keyset({ list: `jobs.${list}`, key, keyType: "timestamp", id: pgbossJobs.id, idType: "uuid", order });

/** What each list holds and in which order (a state's key is never null in that state). */
const lists: Record<JobList, { states: string[]; pages: ReturnType<typeof pagedBy> }> = {
  // Next to run first.
  queued: { states: ["created", "retry"], pages: pagedBy("queued", pgbossJobs.startAfter, "asc") },
  // Latest started first.
  running: { states: ["active"], pages: pagedBy("running", pgbossJobs.startedOn, "desc") },
  // Latest failure first.
  failed: { states: ["failed"], pages: pagedBy("failed", pgbossJobs.completedOn, "desc") },
};

const columns = {
  id: pgbossJobs.id,
  name: pgbossJobs.name,
  state: pgbossJobs.state,
  retryCount: pgbossJobs.retryCount,
  retryLimit: pgbossJobs.retryLimit,
  createdOn: pgbossJobs.createdOn,
  startAfter: pgbossJobs.startAfter,
  startedOn: pgbossJobs.startedOn,
  completedOn: pgbossJobs.completedOn,
  error: sql<string | null>`${pgbossJobs.output}->>'message'`,
};

/** One page of one list; the cursor must be that list's (another list's is VALIDATION_FAILED). */
export async function pageJobs(
  db: Db,
  list: JobList,
  query: { cursor?: string; limit: number },
  locale: Locale,
): Promise<Page<JobView>> {
  const { states, pages } = lists[list];
  const cursor = pages.decode(query.cursor, locale);
  const where: (SQL | undefined)[] = [ours, inArray(pgbossJobs.state, states), pages.after(cursor)];
  const rows = await db
    .select(pages.columns(columns))
    .from(pgbossJobs)
    .where(and(...where))
    .orderBy(...pages.orderBy)
    .limit(pages.fetch(query.limit));
  const page = pages.page(rows, query.limit);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

/** How many jobs are in each state. */
export async function countJobs(
  db: Db,
): Promise<{ queued: number; running: number; failed: number; completed: number }> {
  const rows = await db
    .select({ state: pgbossJobs.state, n: count() })
    .from(pgbossJobs)
    .where(ours)
    .groupBy(pgbossJobs.state);
  const sum = (...states: string[]) =>
    rows.filter((row) => states.includes(row.state)).reduce((total, row) => total + Number(row.n), 0);
  return {
    queued: sum("created", "retry"),
    running: sum("active"),
    failed: sum("failed"),
    completed: sum("completed"),
  };
}

function present(row: RowOf): JobView {
  return {
    id: row.id,
    name: row.name,
    state: row.state as JobView["state"],
    // retry_count counts the runs after the first; a job not yet started has had none.
    attempts: row.state === "created" ? 0 : Number(row.retryCount) + 1,
    retryLimit: Number(row.retryLimit),
    createdAt: row.createdOn,
    runAfter: row.startAfter,
    startedAt: row.startedOn,
    finishedAt: row.completedOn,
    error: row.error === null ? null : maskSecrets(row.error),
  };
}

interface RowOf {
  id: string;
  name: string;
  state: string;
  retryCount: number;
  retryLimit: number;
  createdOn: Date;
  startAfter: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  error: string | null;
}
