import { describe, expect, it } from "vitest";
import { expectPolicyMatrix, type Who } from "../../../test/support/policy-matrix.ts";
import type { Actor } from "../../core/caller.ts";
import { type DeliverableStatus, deliverableStatuses, groupRoles } from "./constants.ts";
import {
  allowedTransitions,
  canManageGroup,
  canReadDeliverable,
  canReadGroup,
  canWorkInGroup,
  groupsPolicy,
  isEditable,
  type Membership,
} from "./policy.ts";

const actor = (who: Who): Actor | null =>
  who === "anonymous" ? null : { id: `${who}-id`, name: who, email: `${who}@example.test`, role: who };

describe("groups policy", () => {
  expectPolicyMatrix(groupsPolicy, {
    listGroups: ["member", "staff", "admin"],
    readPublished: ["anonymous", "member", "staff", "admin"],
    createGroups: ["staff", "admin"],
    manageAnyGroup: ["staff", "admin"],
    coordinate: ["staff", "admin"],
    readTemplates: ["member", "staff", "admin"],
    manageTemplates: ["admin"],
    readTimeline: ["member", "staff", "admin"],
    manageTimeline: ["staff", "admin"],
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

  it("shows a group to everyone only when it is public, and a deliverable only when both are public", () => {
    const outsider = actor("member");
    expect(canReadGroup({ isPublic: true }, null, null)).toBe(true);
    expect(canReadGroup({ isPublic: false }, null, outsider)).toBe(false);
    expect(canReadGroup({ isPublic: false }, "member", outsider)).toBe(true);
    expect(canReadGroup({ isPublic: false }, null, actor("staff"))).toBe(true);
    expect(canReadDeliverable({ isPublic: true }, { isPublic: true }, null, null)).toBe(true);
    expect(canReadDeliverable({ isPublic: true }, { isPublic: false }, null, outsider)).toBe(false);
    expect(canReadDeliverable({ isPublic: false }, { isPublic: true }, null, null)).toBe(false);
    expect(canReadDeliverable({ isPublic: false }, { isPublic: false }, "secretary", outsider)).toBe(true);
  });

  it("lets sections be written only before submission and after a return", () => {
    expect(deliverableStatuses.filter(isEditable)).toEqual(["draft", "in_review", "returned"]);
  });
});

describe("status transitions by role", () => {
  // From each status: what a group member, a workspace member outside the group, and staff may move it to.
  const table: Record<DeliverableStatus, { groupMember: string[]; outsider: string[]; staff: string[] }> = {
    draft: { groupMember: ["in_review"], outsider: [], staff: ["in_review"] },
    in_review: { groupMember: ["draft", "submitted"], outsider: [], staff: ["draft", "submitted"] },
    submitted: { groupMember: [], outsider: [], staff: ["accepted", "returned"] },
    accepted: { groupMember: [], outsider: [], staff: [] },
    returned: { groupMember: ["in_review"], outsider: [], staff: ["in_review"] },
  };
  for (const status of deliverableStatuses) {
    it(`from ${status}`, () => {
      const expected = table[status];
      for (const role of groupRoles)
        expect(allowedTransitions(status, role, actor("member"))).toEqual(expected.groupMember);
      expect(allowedTransitions(status, null, actor("member"))).toEqual(expected.outsider);
      expect(allowedTransitions(status, null, null)).toEqual([]);
      expect(allowedTransitions(status, null, actor("staff"))).toEqual(expected.staff);
      expect(allowedTransitions(status, null, actor("admin"))).toEqual(expected.staff);
    });
  }
});
