import type { Caller } from "../core/caller.ts";
import { authorize } from "../core/policy.ts";
import { jobsPolicy } from "./policy.ts";
import type { JobQueue, JobsOverview } from "./queue.ts";

/** What admins read about the background jobs (the jobs page, GET /api/jobs). */
export function createJobsService(queue: JobQueue) {
  return {
    async overview(caller: Caller): Promise<JobsOverview> {
      authorize(jobsPolicy, "readJobs", caller.actor);
      return queue.overview();
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
