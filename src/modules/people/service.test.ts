import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { openTestDatabase } from "../../../test/support/database.ts";
import { createPerson } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { createWritePath, defineAuditActions } from "../../core/write.ts";
import type { Database } from "../../db/client.ts";
import { users } from "../accounts/schema.ts";
import { auditEvents } from "../audit/schema.ts";
import { createAuditService } from "../audit/service.ts";
import { organisations } from "./schema.ts";
import { createPeopleService } from "./service.ts";

describe("people service", () => {
  let database: Database;
  let admin: Caller;
  let member: Caller;
  beforeAll(async () => {
    database = await openTestDatabase();
    const a = await createPerson(database, "admin", { name: "Alli Admin" });
    const m = await createPerson(database, "member", { name: "Mauri Member" });
    admin = { actor: { id: a.id, name: a.name, email: a.email, role: "admin" }, locale: "fi" };
    member = { actor: { id: m.id, name: m.name, email: m.email, role: "member" }, locale: "en" };
  });
  afterAll(() => database.close());

  it("records who created an organisation, and when, with the organisation", async () => {
    const people = createPeopleService(database.db);
    const org = await people.createOrganisation(admin, { name: "Haminan kaupunki", kind: "municipality" });
    const [event] = await database.db.select().from(auditEvents).where(eq(auditEvents.targetId, org.id));
    expect(event).toMatchObject({ actorId: admin.actor?.id, module: "people", action: "organisation.create" });
    expect(event?.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("writes nothing, not even an audit row, when the write fails", async () => {
    const people = createPeopleService(database.db);
    await people.createOrganisation(admin, { name: "Kouvolan kaupunki", kind: "municipality" });
    const countBefore = (await database.db.select().from(auditEvents)).length;
    await expect(people.createOrganisation(admin, { name: "Kouvolan kaupunki", kind: "region" })).rejects.toMatchObject(
      {
        code: "CONFLICT",
        issues: [{ path: "name", message: "Samanniminen organisaatio on jo olemassa." }],
      },
    );
    await expect(people.createOrganisation(member, { name: "Member Org", kind: "other" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      people.createOrganisation({ actor: null, locale: "fi" }, { name: "Anon Org", kind: "other" }),
    ).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    await expect(people.createOrganisation(member, { name: "", kind: "nope" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    expect((await database.db.select().from(auditEvents)).length).toBe(countBefore);
    expect(await database.db.select().from(organisations).where(eq(organisations.name, "Member Org"))).toHaveLength(0);
  });

  it("gives validation messages in the caller's language", async () => {
    const people = createPeopleService(database.db);
    const english = { ...admin, locale: "en" as const };
    await expect(people.createOrganisation(english, { name: "", kind: "castle" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: expect.arrayContaining([
        expect.objectContaining({ path: "kind", message: expect.stringMatching(/^Invalid option/) }),
      ]),
    });
  });

  it("lets an admin set a person's home organisation, title and role", async () => {
    const people = createPeopleService(database.db);
    const org = await people.createOrganisation(admin, { name: "Kaakkois-Suomen ELY-keskus", kind: "ely_centre" });
    const target = await createPerson(database, "member");
    const updated = await people.updatePerson(admin, target.id, {
      organisationId: org.id,
      title: "Ylijohtaja",
      role: "staff",
    });
    expect(updated).toMatchObject({
      organisationName: "Kaakkois-Suomen ELY-keskus",
      title: "Ylijohtaja",
      role: "staff",
    });
    await expect(people.updatePerson(member, target.id, { role: "admin" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const [row] = await database.db.select().from(users).where(eq(users.id, target.id));
    expect(row?.role).toBe("staff");
    await expect(people.updatePerson(admin, target.id, { organisationId: crypto.randomUUID() })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("lets anyone signed in change their own name, title and language, but not their role", async () => {
    const people = createPeopleService(database.db);
    const updated = await people.updateOwnProfile(member, { name: "Mauri M.", locale: "sv", role: "admin" });
    expect(updated).toMatchObject({ name: "Mauri M.", locale: "sv", role: "member" });
  });

  it("shows admins the audit log filtered by person and by module", async () => {
    const audit = createAuditService(database.db);
    const byMember = (await audit.list(admin, { actorId: member.actor?.id })).items;
    expect(byMember.map((e) => e.action)).toEqual(["profile.update"]);
    expect(byMember[0]?.actorName).toBe("Mauri M.");
    const byModule = (await audit.list(admin, { module: "people" })).items;
    expect(byModule.length).toBeGreaterThanOrEqual(4);
    expect(new Set(byModule.map((e) => e.module))).toEqual(new Set(["people"]));
    await expect(audit.list(member)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("audits every write through the write path: organisation created and renamed, person and profile changed", async () => {
    const people = createPeopleService(database.db);
    const org = await people.createOrganisation(admin, { name: "Loviisan kaupunki", kind: "municipality" });
    await expectAudited(database.db, {
      module: "people",
      action: "organisation.create",
      targetId: org.id,
      actorId: admin.actor?.id,
      details: { name: "Loviisan kaupunki", kind: "municipality" },
    });
    await people.updateOrganisation(admin, org.id, { name: "Lovisa stad", kind: "municipality" });
    await expectAudited(database.db, {
      module: "people",
      action: "organisation.update",
      targetId: org.id,
      actorId: admin.actor?.id,
      details: { name: "Lovisa stad" },
    });
    const target = await createPerson(database, "member");
    await people.updatePerson(admin, target.id, { title: "Suunnittelija", organisationId: org.id });
    await expectAudited(database.db, {
      module: "people",
      action: "person.update",
      targetId: target.id,
      actorId: admin.actor?.id,
      details: { title: "Suunnittelija", organisationId: org.id },
    });
    const own = {
      actor: { id: target.id, name: target.name, email: target.email, role: "member" as const },
      locale: "fi" as const,
    };
    await people.updateOwnProfile(own, { name: "Uusi Nimi" });
    await expectAudited(database.db, {
      module: "people",
      action: "profile.update",
      targetId: target.id,
      actorId: target.id,
      details: { name: "Uusi Nimi" },
    });
  });

  it("joins another module's unit of work: both writes commit together or neither does", async () => {
    const writes = createWritePath(database.db, () => {});
    const people = createPeopleService(database.db, writes);
    const outer = writes(defineAuditActions("test", ["outer.write"]));
    const attempt = (fail: boolean, name: string) =>
      outer({
        caller: admin,
        allow: () => {},
        run: async ({ unit, audit }) => {
          const org = await people.createOrganisation(admin, { name, kind: "other" }, { within: unit });
          await audit("outer.write", { type: "organisation", id: org.id });
          if (fail) throw new Error("the outer write fails after the organisation was written");
          return org;
        },
      });
    await expect(attempt(true, "Rolled Back Org")).rejects.toThrow(/outer write fails/);
    expect(await database.db.select().from(organisations).where(eq(organisations.name, "Rolled Back Org"))).toEqual([]);
    const org = await attempt(false, "Committed Org");
    await expectAudited(database.db, { module: "people", action: "organisation.create", targetId: org.id });
    await expectAudited(database.db, { module: "test", action: "outer.write", targetId: org.id });
  });
});
