import { afterAll, beforeAll, describe } from "vitest";
import { expectPolicyDecides, type Who } from "../../../test/support/policy-matrix.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { auditPolicy } from "./policy.ts";

/** The audit log, read through the real service and API as each kind of visitor. */
describe("audit policy", () => {
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
    auditPolicy,
    { readAuditLog: ["admin"] },
    {
      readAuditLog: {
        list: (who) => app.platform.services.audit.list(callers[who]),
        modules: (who) => app.platform.services.audit.modules(callers[who]),
        "GET /api/audit": (who) => api(app, "/api/audit", { cookie: cookies[who] }),
      },
    },
  );
});
