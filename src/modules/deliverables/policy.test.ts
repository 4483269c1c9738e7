import { describe, expect, it } from "vitest";
import { expectPolicyMatrix, type Who } from "../../../test/support/policy-matrix.ts";
import type { Actor } from "../../core/caller.ts";
import { groupRoles } from "../groups/constants.ts";
import { type DeliverableStatus, deliverableStatuses } from "./constants.ts";
import { allowedTransitions, canReadDeliverable, deliverablesPolicy, isEditable } from "./policy.ts";

const actor = (who: Who): Actor | null =>
  who === "anonymous" ? null : { id: `${who}-id`, name: who, email: `${who}@example.test`, role: who };

describe("deliverables policy", () => {
  expectPolicyMatrix(deliverablesPolicy, {
    coordinate: ["staff", "admin"],
  });

  it("shows a deliverable to everyone only when both it and its group are public", () => {
    const outsider = actor("member");
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
