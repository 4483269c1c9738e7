import { describe } from "vitest";
import { expectPolicyDecides } from "../../test/support/policy-matrix.ts";
import { useAppAsEachRole } from "../../test/support/role-visitors.ts";
import { api } from "../../test/support/server.ts";
import { jobsPolicy } from "./policy.ts";

/** The jobs lists, read through the real service and API as each kind of visitor. */
describe("jobs policy", () => {
  const visitors = useAppAsEachRole();
  const { callers, cookies } = visitors;

  expectPolicyDecides(
    jobsPolicy,
    { readJobs: ["admin"] },
    {
      readJobs: {
        overview: (who) => visitors.app.platform.services.jobs.overview(callers[who]),
        page: (who) => visitors.app.platform.services.jobs.page(callers[who], "failed"),
        "GET /api/jobs": (who) => api(visitors.app, "/api/jobs", { cookie: cookies[who] }),
        "GET /api/jobs/queued": (who) => api(visitors.app, "/api/jobs/queued", { cookie: cookies[who] }),
      },
    },
  );
});
