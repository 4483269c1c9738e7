import { describe } from "vitest";
import { expectPolicyMatrix } from "../../../test/support/policy-matrix.ts";
import { programmePolicy } from "./policy.ts";

describe("programme policy", () => {
  expectPolicyMatrix(programmePolicy, {
    readTimeline: ["member", "staff", "admin"],
    manageTimeline: ["staff", "admin"],
  });
});
