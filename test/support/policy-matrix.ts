import { expect, it } from "vitest";
import type { Actor } from "../../src/core/caller.ts";
import { allows, type Policy } from "../../src/core/policy.ts";
import type { Role } from "../../src/modules/accounts/constants.ts";

export type Who = "anonymous" | Role;
const actorFor = (who: Who): Actor | null =>
  who === "anonymous" ? null : { id: `${who}-id`, name: who, email: `${who}@example.test`, role: who };

/**
 * Checks a module's policy against the table a reader can review at a glance:
 * one row per action, listing exactly who may do it.
 */
export function expectPolicyMatrix<A extends string>(policy: Policy<A>, expected: Record<A, Who[]>) {
  const everyone: Who[] = ["anonymous", "member", "staff", "admin"];
  it("covers every action of the policy and no other", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(policy).sort());
  });
  for (const action of Object.keys(expected) as A[]) {
    it(`${action}: ${expected[action].join(", ") || "nobody"}`, () => {
      const actual = everyone.filter((who) => allows(policy[action], actorFor(who)));
      expect(actual).toEqual(everyone.filter((who) => expected[action].includes(who)));
    });
  }
}
