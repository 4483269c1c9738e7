import { readFile } from "node:fs/promises";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { createWritePath, defineAuditActions } from "../../core/write.ts";
import { walls } from "../walls/schema.ts";
import { workingGroups } from "./schema.ts";

/** Every write of the groups module goes through the write path and leaves its audit row. */
describe("groups writes", () => {
  let app: TestApp;
  let staff: Caller;
  let convener: Awaited<ReturnType<typeof personCaller>>;
  let member: Awaited<ReturnType<typeof personCaller>>;
  const groups = () => app.platform.services.groups;
  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff", "Sanna Valmistelija")).caller;
    convener = await personCaller(app, "member", "Risto Kokoonkutsuja");
    member = await personCaller(app, "member", "Leena Jäsen");
  });
  afterAll(() => app.close());

  it("audits creating a group, with its wall made in the same write", async () => {
    const group = await groups().create(staff, { name: "Maakuntastrategia", convenerId: convener.person.id });
    await expectAudited(app.database.db, {
      module: "groups",
      action: "group.create",
      targetId: group.id,
      actorId: staff.actor?.id,
      details: { name: "Maakuntastrategia", wallId: group.wallId },
    });
    await expectAudited(app.database.db, {
      module: "walls",
      action: "wall.create",
      targetId: group.wallId,
      actorId: staff.actor?.id,
      details: { ownerType: "group", ownerId: group.id },
    });
  });

  it("audits changing a group, and adding and removing a member, under the convener's account", async () => {
    const group = await groups().create(staff, { name: "Elinvoima", convenerId: convener.person.id });
    await groups().update(convener.caller, group.id, { name: "Elinvoima ja kasvu", isPublic: true });
    await expectAudited(app.database.db, {
      module: "groups",
      action: "group.update",
      targetId: group.id,
      actorId: convener.person.id,
      details: { name: "Elinvoima ja kasvu", isPublic: true },
    });
    await groups().setMember(convener.caller, group.id, { userId: member.person.id, role: "secretary" });
    await expectAudited(app.database.db, {
      module: "groups",
      action: "member.set",
      targetId: group.id,
      actorId: convener.person.id,
      details: { userId: member.person.id, role: "secretary" },
    });
    await groups().removeMember(convener.caller, group.id, member.person.id);
    await expectAudited(app.database.db, {
      module: "groups",
      action: "member.remove",
      targetId: group.id,
      actorId: convener.person.id,
      details: { userId: member.person.id },
    });
  });

  it("creates the group and its wall in one transaction: when the unit of work fails after, neither remains", async () => {
    const outer = createWritePath(app.database.db, () => {})(defineAuditActions("test", ["outer"]));
    let made = { groupId: "", wallId: "" };
    await expect(
      outer({
        caller: staff,
        allow: () => {},
        run: async ({ unit }) => {
          const group = await groups().create(staff, { name: "Kesken jäänyt ryhmä" }, { within: unit });
          made = { groupId: group.id, wallId: group.wallId ?? "" };
          throw new Error("the caller's next step failed");
        },
      }),
    ).rejects.toThrow("the caller's next step failed");
    expect(made.wallId).not.toBe("");
    expect(await app.database.db.select().from(workingGroups).where(eq(workingGroups.id, made.groupId))).toEqual([]);
    expect(await app.database.db.select().from(walls).where(eq(walls.id, made.wallId))).toEqual([]);
  });

  it("leaves no group when its people are wrong, and keeps no compensating delete", async () => {
    const before = await app.database.db.select().from(workingGroups);
    await expect(groups().create(staff, { name: "Virheellinen", chairId: "no-such-person" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    expect(await app.database.db.select().from(workingGroups)).toHaveLength(before.length);
    // The wall joins the group's unit of work; nothing deletes a group to undo a half-made one.
    const source = await readFile(new URL("./service.ts", import.meta.url), "utf8");
    expect(source).toMatch(/wallService\.create\([\s\S]*?within: unit, owner: \{ type: "group", id: row\.id \}/);
    expect(source).not.toMatch(/\.delete\(workingGroups\)/);
  });
});
