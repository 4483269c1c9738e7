import type { Caller } from "../../src/core/caller.ts";
import type { GroupRow } from "../../src/modules/groups/access.ts";
import type { WallViewer } from "../../src/modules/walls/viewer.ts";
import { personCaller } from "./person-caller.ts";
import type { PreparedAttempt, RuleAttempt } from "./policy-matrix.ts";
import type { TestApp } from "./server.ts";

/** Who a group module's policy matrix runs as: the workspace roles, and people with a role in the group. */
export const groupVisitors = ["anonymous", "member", "groupMember", "convener", "staff", "admin"] as const;
export type GroupVisitor = (typeof groupVisitors)[number];
export const signedOutGroupVisitors: readonly GroupVisitor[] = ["anonymous"];

export interface GroupFixture {
  callers: Record<GroupVisitor, Caller>;
  /** Private; "convener" convenes it and "groupMember" is a member. */
  group: GroupRow;
  /** Public; none of the visitors is in it. */
  publicGroup: GroupRow;
  /** Private; none of the visitors is in it (what staff may do in any group). */
  otherGroup: GroupRow;
  /** A signed-in person's browser on a wall (no join code). */
  viewer(who: GroupVisitor): WallViewer;
}

/** Three groups and the six kinds of visitor, made through the real services. */
export async function groupFixture(app: TestApp): Promise<GroupFixture> {
  const services = app.platform.services;
  const callers = { anonymous: { actor: null, locale: "fi" } } as Record<GroupVisitor, Caller>;
  callers.member = (await personCaller(app, "member", "Olli Ulkopuolinen")).caller;
  callers.groupMember = (await personCaller(app, "member", "Leena Jäsen")).caller;
  callers.convener = (await personCaller(app, "member", "Risto Kokoonkutsuja")).caller;
  callers.staff = (await personCaller(app, "staff", "Sanna Valmistelija")).caller;
  callers.admin = (await personCaller(app, "admin", "Kaisa Muutosjohtaja")).caller;
  const group = await services.groups.create(callers.staff, {
    name: "Maakuntastrategia",
    convenerId: callers.convener.actor?.id,
  });
  await services.groups.setMember(callers.staff, group.id, { userId: callers.groupMember.actor?.id });
  const publicGroup = await services.groups.create(callers.staff, { name: "Julkinen ryhmä", isPublic: true });
  const otherGroup = await services.groups.create(callers.staff, { name: "Toinen ryhmä" });
  return {
    callers,
    group,
    publicGroup,
    otherGroup,
    viewer: (who) => ({
      ...callers[who],
      participantHash: `p-${who}`,
      addressHash: "a",
      hasJoinCode: () => false,
    }),
  };
}

/** A prepared attempt (policy-matrix.ts) for these visitors, typed by what `prepare` makes. */
export const prepared = <T>(attempt: PreparedAttempt<GroupVisitor, T>): RuleAttempt<GroupVisitor> =>
  attempt as unknown as RuleAttempt<GroupVisitor>;
