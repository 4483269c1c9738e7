import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { auditEvents } from "../audit/schema.ts";
import { walls } from "../walls/schema.ts";

describe("working groups", () => {
  let app: TestApp;
  let staff: Caller;
  let convener: Awaited<ReturnType<typeof personCaller>>;
  let member: Awaited<ReturnType<typeof personCaller>>;
  let outsider: Awaited<ReturnType<typeof personCaller>>;
  const visitor: Caller = { actor: null, locale: "fi" };

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff", "Sanna Valmistelija")).caller;
    convener = await personCaller(app, "member", "Risto Kokoonkutsuja");
    member = await personCaller(app, "member", "Leena Jäsen");
    outsider = await personCaller(app, "member", "Olli Ulkopuolinen");
  });
  afterAll(() => app.close());

  const strategyGroup = () =>
    app.platform.services.groups.create(staff, {
      name: "Maakuntastrategia",
      theme: "Maakuntastrategian valmistelu",
      description: "Uuden toimintamallin kuvaus maakuntastrategiasta.",
      convenerId: convener.person.id,
    });

  it("creates a group with its convener and its own wall, open to signed-in people and owned by the group", async () => {
    const group = await strategyGroup();
    expect(group.wallId).toBeTruthy();
    const [wall] = await app.database.db
      .select()
      .from(walls)
      .where(eq(walls.id, group.wallId ?? ""));
    expect(wall).toMatchObject({
      title: "Maakuntastrategia",
      access: "members",
      ownerType: "group",
      ownerId: group.id,
    });
    const detail = await app.platform.services.groups.getBySlug(convener.caller, group.slug);
    expect(detail.members).toEqual([
      expect.objectContaining({ userId: convener.person.id, name: "Risto Kokoonkutsuja", role: "convener" }),
    ]);
    expect(detail).toMatchObject({ myRole: "convener", canManage: true, canWork: true });
    expect(detail.group.wallSlug).toBe(wall?.slug);
    const audit = await app.database.db.select().from(auditEvents).where(eq(auditEvents.targetId, group.id));
    expect(audit.map((a) => a.action)).toContain("group.create");
  });

  it("refuses to create a group for members, and names a missing person in the form", async () => {
    await expect(app.platform.services.groups.create(member.caller, { name: "X" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      app.platform.services.groups.create(staff, { name: "X", chairId: "no-such-person" }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "chairId", message: "Henkilöä ei löytynyt työtilasta." }],
    });
    await expect(
      app.platform.services.groups.create(staff, {
        name: "X",
        chairId: member.person.id,
        secretaryId: member.person.id,
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", issues: [{ path: "secretaryId" }] });
  });

  it("lets the convener add members; a new holder of a lead role replaces the previous one", async () => {
    const group = await strategyGroup();
    await app.platform.services.groups.setMember(convener.caller, group.id, { userId: member.person.id });
    await expect(
      app.platform.services.groups.setMember(member.caller, group.id, { userId: outsider.person.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const members = await app.platform.services.groups.setMember(convener.caller, group.id, {
      userId: member.person.id,
      role: "convener",
    });
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ["Leena Jäsen", "convener"],
      ["Risto Kokoonkutsuja", "member"],
    ]);
    const after = await app.platform.services.groups.removeMember(member.caller, group.id, convener.person.id);
    expect(after.map((m) => m.name)).toEqual(["Leena Jäsen"]);
  });

  it("shows a private group only to its members and staff, and a public one to everyone without its wall", async () => {
    const group = await strategyGroup();
    await expect(app.platform.services.groups.getBySlug(outsider.caller, group.slug)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(app.platform.services.groups.getBySlug(visitor, group.slug)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect((await app.platform.services.groups.list(outsider.caller)).items.map((g) => g.id)).not.toContain(group.id);
    expect((await app.platform.services.groups.list(staff)).items.map((g) => g.id)).toContain(group.id);

    await app.platform.services.groups.update(convener.caller, group.id, { name: "Maakuntastrategia", isPublic: true });
    const seen = await app.platform.services.groups.getBySlug(visitor, group.slug);
    expect(seen).toMatchObject({ canWork: false, canManage: false, myRole: null });
    expect(seen.group.wallSlug).toBeNull();
    expect(seen.members.map((m) => m.name)).toEqual(["Risto Kokoonkutsuja"]);
    const listed = await app.platform.services.groups.list(outsider.caller);
    expect(listed.items.find((g) => g.id === group.id)).toMatchObject({
      myRole: null,
      convener: "Risto Kokoonkutsuja",
    });
  });

  it("renames the group's wall with the group, and answers NOT_FOUND for a malformed id", async () => {
    const group = await strategyGroup();
    await app.platform.services.groups.update(staff, group.id, { name: "Strategiaryhmä" });
    const [wall] = await app.database.db
      .select()
      .from(walls)
      .where(eq(walls.id, group.wallId ?? ""));
    expect(wall?.title).toBe("Strategiaryhmä");
    await expect(app.platform.services.groups.update(staff, "not-a-uuid", { name: "X" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps the group's wall to its members and staff, and lets the convener moderate it", async () => {
    const group = await strategyGroup();
    const viewerOf = (caller: Caller) => ({
      ...caller,
      participantHash: `p-${caller.actor?.id}`,
      addressHash: "a",
      hasJoinCode: () => false,
    });
    const wallId = group.wallId ?? "";
    const asConvener = await app.platform.services.walls.openById(viewerOf(convener.caller), wallId);
    expect(asConvener.canModerate).toBe(true);
    await expect(app.platform.services.walls.openById(viewerOf(outsider.caller), wallId)).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      app.platform.services.posts.create(viewerOf(outsider.caller), wallId, {
        body: "Ulkopuolelta",
        idempotencyKey: "outsider-1",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await app.platform.services.walls.openById(viewerOf(staff), wallId)).canModerate).toBe(true);
  });
});
