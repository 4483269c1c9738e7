import { adminOnly, type Policy } from "../core/policy.ts";

export const jobsPolicy = {
  /** The jobs page and GET /api/jobs: what is queued, running and failed, with the errors. */
  readJobs: adminOnly,
} as const satisfies Policy<string>;
