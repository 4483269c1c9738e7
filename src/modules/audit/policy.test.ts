import { describe } from "vitest";
import { expectPolicyDecides } from "../../../test/support/policy-matrix.ts";
import { useAppAsEachRole } from "../../../test/support/role-visitors.ts";
import { api } from "../../../test/support/server.ts";
import { auditPolicy } from "./policy.ts";

/** The audit log, read through the real service and API as each kind of visitor. */
describe("audit policy", () => {
  const visitors = useAppAsEachRole();
  const { callers, cookies } = visitors;

  expectPolicyDecides(
    auditPolicy,
    { readAuditLog: ["admin"] },
    {
      readAuditLog: {
        list: (who) => visitors.app.platform.services.audit.list(callers[who]),
        modules: (who) => visitors.app.platform.services.audit.modules(callers[who]),
        "GET /api/audit": (who) => api(visitors.app, "/api/audit", { cookie: cookies[who] }),
      },
    },
  );
});
