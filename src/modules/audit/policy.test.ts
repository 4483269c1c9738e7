import { describe } from "vitest";
import { expectPolicyMatrix } from "../../../test/support/policy-matrix.ts";
import { auditPolicy } from "./policy.ts";

describe("audit policy", () => {
  expectPolicyMatrix(auditPolicy, { readAuditLog: ["admin"] });
});
