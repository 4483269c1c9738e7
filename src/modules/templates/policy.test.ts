import { describe } from "vitest";
import { expectPolicyMatrix } from "../../../test/support/policy-matrix.ts";
import { templatesPolicy } from "./policy.ts";

describe("templates policy", () => {
  expectPolicyMatrix(templatesPolicy, {
    readTemplates: ["member", "staff", "admin"],
    manageTemplates: ["admin"],
  });
});
