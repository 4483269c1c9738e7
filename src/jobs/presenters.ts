import { z } from "@hono/zod-openapi";
import type { Page } from "../core/pagination.ts";
import { pageSchema } from "../core/pagination.ts";
import type { JobView } from "./queue.ts";

export const jobSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    state: z.enum(["created", "retry", "active", "completed", "cancelled", "failed"]),
    attempts: z.number().int(),
    retryLimit: z.number().int(),
    createdAt: z.iso.datetime(),
    runAfter: z.iso.datetime(),
    startedAt: z.iso.datetime().nullable(),
    finishedAt: z.iso.datetime().nullable(),
    error: z.string().nullable(),
  })
  .openapi("Job");

export const jobPageSchema = pageSchema(jobSchema).openapi("JobPage");

const cursorOrNull = z.string().nullable();
export const jobsOverviewSchema = z
  .object({
    counts: z.object({
      queued: z.number().int(),
      running: z.number().int(),
      failed: z.number().int(),
      completed: z.number().int(),
    }),
    queued: z.array(jobSchema),
    running: z.array(jobSchema),
    failed: z.array(jobSchema),
    nextCursor: z.object({ queued: cursorOrNull, running: cursorOrNull, failed: cursorOrNull }).openapi({
      description: "Per list: pass as ?cursor= to GET /api/jobs/{list} for its next page; null at the end",
    }),
  })
  .openapi("JobsOverview");

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A job as JSON: its name, state, attempts, times and last error; its data (which may hold a secret) never. */
export const presentJob = (job: JobView): z.infer<typeof jobSchema> => ({
  id: job.id,
  name: job.name,
  state: job.state,
  attempts: job.attempts,
  retryLimit: job.retryLimit,
  createdAt: job.createdAt.toISOString(),
  runAfter: job.runAfter.toISOString(),
  startedAt: iso(job.startedAt),
  finishedAt: iso(job.finishedAt),
  error: job.error,
});

export const presentJobPage = (page: Page<JobView>): z.infer<typeof jobPageSchema> => ({
  items: page.items.map(presentJob),
  nextCursor: page.nextCursor,
});

export interface JobsOverviewData {
  counts: z.infer<typeof jobsOverviewSchema>["counts"];
  queued: Page<JobView>;
  running: Page<JobView>;
  failed: Page<JobView>;
}

export const presentJobsOverview = (o: JobsOverviewData): z.infer<typeof jobsOverviewSchema> => ({
  counts: o.counts,
  queued: o.queued.items.map(presentJob),
  running: o.running.items.map(presentJob),
  failed: o.failed.items.map(presentJob),
  nextCursor: { queued: o.queued.nextCursor, running: o.running.nextCursor, failed: o.failed.nextCursor },
});
