import { describe } from "vitest";
import { expectPolicyMatrix } from "../../../test/support/policy-matrix.ts";
import { accountsPolicy } from "./policy.ts";

describe("accounts policy", () => {
  expectPolicyMatrix(accountsPolicy, {
    invitePerson: ["admin"],
    listInvitations: ["admin"],
    acceptInvitation: ["anonymous", "member", "staff", "admin"],
  });
});
