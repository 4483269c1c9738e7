import { describe } from "vitest";
import { expectPolicyMatrix } from "../../../test/support/policy-matrix.ts";
import { peoplePolicy } from "./policy.ts";

describe("people policy", () => {
  expectPolicyMatrix(peoplePolicy, {
    listOrganisations: ["member", "staff", "admin"],
    manageOrganisations: ["admin"],
    listPeople: ["member", "staff", "admin"],
    managePeople: ["admin"],
    updateOwnProfile: ["member", "staff", "admin"],
  });
});
