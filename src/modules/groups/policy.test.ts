import { describe, expect, it } from "vitest";
import { expectPolicyMatrix, type Who } from "../../../test/support/policy-matrix.ts";
import type { Actor } from "../../core/caller.ts";
import { canManageGroup, canReadGroup, canWorkInGroup, groupsPolicy, type Membership } from "./policy.ts";

const actor = (who: Who): Actor | null =>
  who === "anonymous" ? null : { id: `${who}-id`, name: who, email: `${who}@example.test`, role: who };

describe("groups policy", () => {
  expectPolicyMatrix(groupsPolicy, {
    listGroups: ["member", "staff", "admin"],
    readPublished: ["anonymous", "member", "staff", "admin"],
    createGroups: ["staff", "admin"],
    manageAnyGroup: ["staff", "admin"],
  });
});

describe("group membership rules", () => {
  // Each row: who (workspace role, role in the group) → may they manage the group / work in it.
  const cases: { who: Who; membership: Membership; manage: boolean; work: boolean }[] = [
    { who: "anonymous", membership: null, manage: false, work: false },
    { who: "member", membership: null, manage: false, work: false },
    { who: "member", membership: "member", manage: false, work: true },
    { who: "member", membership: "convener", manage: true, work: true },
    { who: "member", membership: "chair", manage: true, work: true },
    { who: "member", membership: "secretary", manage: true, work: true },
    { who: "staff", membership: null, manage: true, work: true },
    { who: "admin", membership: null, manage: true, work: true },
  ];
  for (const c of cases) {
    it(`${c.who} with group role ${c.membership ?? "none"}: manage ${c.manage}, work ${c.work}`, () => {
      expect(canManageGroup(c.membership, actor(c.who))).toBe(c.manage);
      expect(canWorkInGroup(c.membership, actor(c.who))).toBe(c.work);
    });
  }

  it("shows a group to everyone only when it is public", () => {
    const outsider = actor("member");
    expect(canReadGroup({ isPublic: true }, null, null)).toBe(true);
    expect(canReadGroup({ isPublic: false }, null, outsider)).toBe(false);
    expect(canReadGroup({ isPublic: false }, "member", outsider)).toBe(true);
    expect(canReadGroup({ isPublic: false }, null, actor("staff"))).toBe(true);
  });
});
