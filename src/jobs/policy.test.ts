import { describe } from "vitest";
import { expectPolicyMatrix } from "../../test/support/policy-matrix.ts";
import { jobsPolicy } from "./policy.ts";

describe("jobs policy", () => {
  expectPolicyMatrix(jobsPolicy, { readJobs: ["admin"] });
});
