import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type GroupFixture,
  type GroupVisitor,
  groupFixture,
  groupVisitors,
  prepared,
  signedOutGroupVisitors,
} from "../../../test/support/group-visitors.ts";
import { expectRulesDecide, type Who } from "../../../test/support/policy-matrix.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Actor } from "../../core/caller.ts";
import { groupRoles } from "../groups/constants.ts";
import { type DeliverableStatus, deliverableStatuses } from "./constants.ts";
import {
  allowedTransitions,
  canReadDeliverable,
  deliverableRolesPolicy,
  deliverablesPolicy,
  isEditable,
} from "./policy.ts";

/** Every deliverables action, made through the real services as each kind of visitor. */
describe("deliverables policy", () => {
  let app: TestApp;
  let f: GroupFixture;
  let templateId = "";
  /** In the private group (convener and groupMember work in it), the public group (published) and another group. */
  const ids = { own: "", section: "", published: "", other: "" };
  const services = () => app.platform.services;
  const as = (who: GroupVisitor) => f.callers[who];
  const admin = () => as("admin");
  const freshDeliverable = async (groupId = f.group.id) =>
    (await services().deliverables.create(admin(), groupId, { templateId })).id;

  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
    templateId =
      (await services().deliverableTemplates.list(admin())).find((t) => t.key === "operating-model")?.id ?? "";
    ids.own = await freshDeliverable();
    ids.section = (await services().deliverables.get(admin(), ids.own)).sections[0]?.id ?? "";
    ids.published = await freshDeliverable(f.publicGroup.id);
    await services().deliverables.update(admin(), ids.published, { isPublic: true });
    ids.other = await freshDeliverable(f.otherGroup.id);
  });
  afterAll(() => app.close());

  const submitted = async () => {
    const id = await freshDeliverable();
    for (const to of ["in_review", "submitted"] as const) await services().deliverables.transition(admin(), id, { to });
    return id;
  };
  const deadline = async (deliverableId = ids.own) => {
    await services().deliverables.addDeadline(admin(), deliverableId, { kind: "other", dueOn: "2017-06-30" });
    return (await services().deliverables.get(admin(), deliverableId)).deadlines.at(-1)?.id ?? "";
  };

  expectRulesDecide(
    [deliverablesPolicy, deliverableRolesPolicy],
    {
      readPublished: groupVisitors,
      workInAnyGroup: ["staff", "admin"],
      manageAnyDeliverable: ["staff", "admin"],
      decideSubmissions: ["staff", "admin"],
      coordinate: ["staff", "admin"],
      work: ["groupMember", "convener", "staff", "admin"],
      manage: ["convener", "staff", "admin"],
    },
    {
      readPublished: {
        get: (who) => services().deliverables.get(as(who), ids.published),
        exportDocument: (who) => services().deliverables.exportDocument(as(who), ids.published),
      },
      workInAnyGroup: {
        "add a deadline in a group one is not in": (who) =>
          services().deliverables.addDeadline(as(who), ids.other, { kind: "report", dueOn: "2017-06-30" }),
        "read a deliverable of a group one is not in": (who) => services().deliverables.get(as(who), ids.other),
      },
      manageAnyDeliverable: {
        "rename a deliverable of a group one is not in": (who) =>
          services().deliverables.update(as(who), ids.other, { title: `Toisen ryhmän tuotos (${who})` }),
      },
      decideSubmissions: {
        "return a submitted deliverable": prepared({
          prepare: submitted,
          run: (who, id) => services().deliverables.transition(as(who), id, { to: "returned", comment: "Täydennä." }),
        }),
        "accept a submitted deliverable": prepared({
          prepare: submitted,
          run: (who, id) => services().deliverables.transition(as(who), id, { to: "accepted" }),
        }),
      },
      coordinate: { coordination: (who) => services().deliverables.coordination(as(who)) },
      work: {
        create: (who) => services().deliverables.create(as(who), f.group.id, { templateId }),
        get: (who) => services().deliverables.get(as(who), ids.own),
        exportDocument: (who) => services().deliverables.exportDocument(as(who), ids.own),
        section: (who) => services().deliverables.section(as(who), ids.section),
        saveSection: prepared({
          prepare: async () => (await services().deliverables.section(admin(), ids.section)).section.version,
          run: (who, baseVersion) =>
            services().deliverables.saveSection(as(who), ids.section, { body: `Teksti: ${who}`, baseVersion }),
        }),
        versions: (who) => services().deliverables.versions(as(who), ids.section),
        compare: (who) => services().deliverables.compare(as(who), ids.section, { from: 0, to: 0 }),
        comment: (who) => services().deliverables.comment(as(who), ids.section, { body: `Kommentti: ${who}` }),
        "send for comments": prepared({
          prepare: () => freshDeliverable(),
          run: (who, id) => services().deliverables.transition(as(who), id, { to: "in_review" }),
        }),
        addDeadline: (who) =>
          services().deliverables.addDeadline(as(who), ids.own, { kind: "preliminary", dueOn: "2017-04-13" }),
        setDeadlineDone: prepared({
          prepare: () => deadline(),
          run: (who, id) => services().deliverables.setDeadlineDone(as(who), id, { done: true }),
        }),
        removeDeadline: prepared({
          prepare: () => deadline(),
          run: (who, id) => services().deliverables.removeDeadline(as(who), id),
        }),
      },
      manage: {
        update: (who) => services().deliverables.update(as(who), ids.own, { title: `Tuotos (${who})` }),
      },
    },
    { visitors: groupVisitors, signedOut: signedOutGroupVisitors },
  );
});

const actor = (who: Who): Actor | null =>
  who === "anonymous" ? null : { id: `${who}-id`, name: who, email: `${who}@example.test`, role: who };

describe("deliverable rules", () => {
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
