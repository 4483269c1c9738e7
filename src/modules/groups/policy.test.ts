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
import { createPerson, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Actor } from "../../core/caller.ts";
import { canWorkOnDeliverables } from "../deliverables/policy.ts";
import { canManageGroup, canReadGroup, groupRolesPolicy, groupsPolicy, type Membership } from "./policy.ts";

/** Every groups action, made through the real services as each kind of visitor. */
describe("groups policy", () => {
  let app: TestApp;
  let f: GroupFixture;
  const services = () => app.platform.services;
  const as = (who: GroupVisitor) => f.callers[who];
  const newPerson = async () => (await createPerson(app.database, "member")).id;
  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
  });
  afterAll(() => app.close());

  expectRulesDecide(
    [groupsPolicy, groupRolesPolicy],
    {
      listGroups: ["member", "groupMember", "convener", "staff", "admin"],
      readPublished: groupVisitors,
      createGroups: ["staff", "admin"],
      manageAnyGroup: ["staff", "admin"],
      readGroup: ["groupMember", "convener", "staff", "admin"],
      manageGroup: ["convener", "staff", "admin"],
      takePartInWall: ["groupMember", "convener", "staff", "admin"],
      leadWall: ["convener", "staff", "admin"],
    },
    {
      listGroups: { list: (who) => services().groups.list(as(who)) },
      readPublished: { getBySlug: (who) => services().groups.getBySlug(as(who), f.publicGroup.slug) },
      createGroups: { create: (who) => services().groups.create(as(who), { name: `Uusi ryhmä ${who}` }) },
      manageAnyGroup: {
        "update a group one is not in": (who) =>
          services().groups.update(as(who), f.otherGroup.id, { name: `Toinen ryhmä (${who})` }),
        "add a member to a group one is not in": (who) =>
          services().groups.setMember(as(who), f.otherGroup.id, { userId: as("admin").actor?.id }),
      },
      readGroup: {
        getBySlug: (who) => services().groups.getBySlug(as(who), f.group.slug),
        getById: (who) => services().groups.getById(as(who), f.group.id),
      },
      manageGroup: {
        update: (who) => services().groups.update(as(who), f.group.id, { name: `Maakuntastrategia (${who})` }),
        setMember: prepared({
          prepare: newPerson,
          run: (who, userId) => services().groups.setMember(as(who), f.group.id, { userId }),
        }),
        removeMember: prepared({
          prepare: async () => {
            const userId = await newPerson();
            await services().groups.setMember(as("admin"), f.group.id, { userId });
            return userId;
          },
          run: (who, userId) => services().groups.removeMember(as(who), f.group.id, userId),
        }),
      },
      takePartInWall: {
        "open the group's wall": (who) => services().walls.openById(f.viewer(who), f.group.wallId ?? ""),
        "post on the group's wall": (who) =>
          services().posts.create(f.viewer(who), f.group.wallId ?? "", {
            body: `Hei ryhmä, ${who} tässä`,
            authorName: who,
            idempotencyKey: `policy-${who}`,
          }),
      },
      leadWall: {
        "change the group wall's settings": (who) =>
          services().walls.update(as(who), f.group.wallId ?? "", { description: `Ryhmän seinä (${who})` }),
      },
    },
    { visitors: groupVisitors, signedOut: signedOutGroupVisitors },
  );

  it("lets a group's lead moderate its wall and a member only take part", async () => {
    const asConvener = await services().walls.openById(f.viewer("convener"), f.group.wallId ?? "");
    const asMember = await services().walls.openById(f.viewer("groupMember"), f.group.wallId ?? "");
    expect([asConvener.canModerate, asMember.canModerate]).toEqual([true, false]);
  });
});

const actor = (who: Who): Actor | null =>
  who === "anonymous" ? null : { id: `${who}-id`, name: who, email: `${who}@example.test`, role: who };

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
      expect(canWorkOnDeliverables(c.membership, actor(c.who))).toBe(c.work);
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
