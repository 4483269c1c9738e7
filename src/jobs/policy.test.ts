import { afterAll, beforeAll, describe } from "vitest";
import { expectPolicyDecides, type Who } from "../../test/support/policy-matrix.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../test/support/server.ts";
import type { Caller } from "../core/caller.ts";
import { jobsPolicy } from "./policy.ts";

/** The jobs lists, read through the real service and API as each kind of visitor. */
describe("jobs policy", () => {
  let app: TestApp;
  const callers = {} as Record<Who, Caller>;
  const cookies = {} as Record<Who, string | undefined>;

  beforeAll(async () => {
    app = await startTestApp();
    callers.anonymous = { actor: null, locale: "fi" };
    for (const role of ["member", "staff", "admin"] as const) {
      const p = await createPerson(app.database, role);
      callers[role] = { actor: { id: p.id, name: p.name, email: p.email, role }, locale: "fi" };
      cookies[role] = await signIn(app, p.email, p.password);
    }
  });
  afterAll(() => app.close());

  expectPolicyDecides(
    jobsPolicy,
    { readJobs: ["admin"] },
    {
      readJobs: {
        overview: (who) => app.platform.services.jobs.overview(callers[who]),
        page: (who) => app.platform.services.jobs.page(callers[who], "failed"),
        "GET /api/jobs": (who) => api(app, "/api/jobs", { cookie: cookies[who] }),
        "GET /api/jobs/queued": (who) => api(app, "/api/jobs/queued", { cookie: cookies[who] }),
      },
    },
  );
});
