import type { Caller } from "../core/caller.ts";
import type { Page } from "../core/pagination.ts";
import { authorize } from "../core/policy.ts";
import { parseInput } from "../core/validate.ts";
import type { Db } from "../db/client.ts";
import { countJobs, type JobList, type JobsPageQuery, jobLists, jobsPageInput, pageJobs } from "./list.ts";
import { jobsPolicy } from "./policy.ts";
import type { JobsOverviewData } from "./presenters.ts";
import type { JobView } from "./queue.ts";

/** What admins read about the background jobs (the jobs page, GET /api/jobs), read from pg-boss's table. */
export function createJobsService(db: Db) {
  return {
    /** The counts per state and the first page of each list. */
    async overview(caller: Caller, query: JobsPageQuery | unknown = {}): Promise<JobsOverviewData> {
      authorize(jobsPolicy, "readJobs", caller.actor);
      const q = parseInput(jobsPageInput.omit({ cursor: true }), query, caller.locale);
      const [queued, running, failed] = await Promise.all(
        jobLists.map((list) => pageJobs(db, list, { limit: q.limit }, caller.locale)),
      );
      return {
        counts: await countJobs(db),
        queued: queued as Page<JobView>,
        running: running as Page<JobView>,
        failed: failed as Page<JobView>,
      };
    },

    /** One page of one list, after `cursor` (that list's nextCursor). */
    async page(caller: Caller, list: JobList, query: JobsPageQuery | unknown = {}): Promise<Page<JobView>> {
      authorize(jobsPolicy, "readJobs", caller.actor);
      const q = parseInput(jobsPageInput, query, caller.locale);
      return pageJobs(db, list, q, caller.locale);
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
