import { createRoute, z } from "@hono/zod-openapi";
import { type ApiRouter, errorResponses, jsonResponse } from "../http/openapi.ts";
import type { JobView } from "./queue.ts";

const jobSchema = z
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

const overviewSchema = z
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
  })
  .openapi("JobsOverview");

const iso = (date: Date | null) => (date ? date.toISOString() : null);
/** A job as JSON: its name, state, attempts, times and last error; its data (which may hold a secret) never. */
const presentJob = (job: JobView) => ({
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

export function registerJobsApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/jobs",
      tags: ["Jobs"],
      summary:
        "Background jobs (admin): counts per state, the latest queued, running and failed jobs with their errors",
      responses: {
        200: jsonResponse(overviewSchema, "Jobs"),
        ...errorResponses("UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => {
      const overview = await c.get("platform").services.jobs.overview(c.get("caller"));
      return c.json(
        {
          counts: overview.counts,
          queued: overview.queued.map(presentJob),
          running: overview.running.map(presentJob),
          failed: overview.failed.map(presentJob),
        },
        200,
      );
    },
  );
}
