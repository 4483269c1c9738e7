import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { api, createPerson, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { createWritePath, defineAuditActions } from "../../core/write.ts";
import { auditEvents } from "../audit/schema.ts";
import { walls } from "../walls/schema.ts";
import { eventAuditActions } from "./audit.ts";
import { agendaItems, eventSeries, events, registrations, workshopGroups, workshops } from "./schema.ts";

/**
 * Every events write leaves its audit row, written in the write's own
 * transaction: a row's xmin is the id of the transaction that wrote it, so the
 * changed row and its audit row carry the same xmin.
 */
describe("events audit log", () => {
  let app: TestApp;
  let staff: Caller;
  const db = () => app.database.db;
  const seminar = { title: "Aluekierros: Kouvola", date: "2030-03-14", startTime: "12:00", endTime: "16:00" };

  beforeAll(async () => {
    app = await startTestApp();
    const person = await createPerson(app.database, "staff");
    staff = { actor: { id: person.id, name: person.name, email: person.email, role: "staff" }, locale: "fi" };
  });
  afterAll(() => app.close());

  async function lastAudit(action: string, targetId: string) {
    const [row] = await db()
      .select({
        xmin: sql<string>`xmin::text`,
        action: auditEvents.action,
        targetType: auditEvents.targetType,
        actorId: auditEvents.actorId,
        actorParticipant: auditEvents.actorParticipant,
        details: auditEvents.details,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.module, "events"), eq(auditEvents.action, action), eq(auditEvents.targetId, targetId)))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    return row;
  }

  const wallAuditOf = async (wallId: string) => {
    const [row] = await db()
      .select({ xmin: sql<string>`xmin::text` })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.module, "walls"), eq(auditEvents.action, "wall.create"), eq(auditEvents.targetId, wallId)),
      );
    return row;
  };

  const countAudits = async () =>
    (await db().select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.module, "events"))).length;

  const xminOf = async (
    table: typeof events | typeof agendaItems | typeof workshops | typeof eventSeries,
    id: string,
  ) => {
    const [row] = await db().select({ xmin: sql<string>`xmin::text` }).from(table).where(eq(table.id, id));
    return row?.xmin;
  };

  it("names the module's actions in one list", () => {
    expect(eventAuditActions).toEqual(expect.arrayContaining(["event.create", "registration.create", "workshop.next"]));
  });

  it("audits creating and changing an event in the write's transaction", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    const created = await lastAudit("event.create", event.id);
    expect(created).toMatchObject({ targetType: "event", actorId: staff.actor?.id });
    expect(created?.xmin).toBe(await xminOf(events, event.id));
    await expectAudited(db(), {
      module: "events",
      action: "event.create",
      targetId: event.id,
      actorId: staff.actor?.id,
    });
    // The event's wall is made in the same transaction (its row in a savepoint, its audit row beside the
    // event's), owned by the event from its first row.
    const [wall] = await db()
      .select({ ownerType: walls.ownerType, ownerId: walls.ownerId })
      .from(walls)
      .where(eq(walls.id, event.wallId ?? ""));
    expect(wall).toMatchObject({ ownerType: "event", ownerId: event.id });
    expect((await wallAuditOf(event.wallId ?? ""))?.xmin).toBe(created?.xmin);
    await expectAudited(db(), {
      module: "walls",
      action: "wall.create",
      targetId: event.wallId,
      actorId: staff.actor?.id,
    });

    await app.platform.services.events.update(staff, event.id, { ...seminar, title: "Aluekierros: Kotka" });
    const updated = await lastAudit("event.update", event.id);
    expect(updated?.targetType).toBe("event");
    expect(updated?.xmin).toBe(await xminOf(events, event.id));
    await expectAudited(db(), {
      module: "events",
      action: "event.update",
      targetId: event.id,
      actorId: staff.actor?.id,
    });
  });

  it("audits agenda changes, workshops and each workshop control in the write's transaction", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    await app.platform.services.events.addAgendaItem(staff, event.id, { time: "12:00", title: "Avaus" });
    const [item] = await db().select().from(agendaItems).where(eq(agendaItems.eventId, event.id));
    const added = await lastAudit("agenda.add", event.id);
    expect(added?.xmin).toBe(await xminOf(agendaItems, item?.id ?? ""));
    await expectAudited(db(), {
      module: "events",
      action: "agenda.add",
      targetId: event.id,
      actorId: staff.actor?.id,
      details: { title: "Avaus" },
    });

    await app.platform.services.events.removeAgendaItem(staff, item?.id ?? "");
    expect(await lastAudit("agenda.remove", event.id)).toMatchObject({
      targetType: "event",
      details: { title: "Avaus" },
    });
    await expectAudited(db(), {
      module: "events",
      action: "agenda.remove",
      targetId: event.id,
      actorId: staff.actor?.id,
    });

    const workshop = await app.platform.services.events.addWorkshop(staff, event.id, {
      title: "Työosuus I",
      steps: [
        { instructions: "Läpikäynti", minutes: 30 },
        { instructions: "Kysymykset", minutes: 25 },
      ],
      groups: ["SOTE"],
    });
    expect((await lastAudit("workshop.add", event.id))?.xmin).toBe(await xminOf(workshops, workshop.id));
    await expectAudited(db(), {
      module: "events",
      action: "workshop.add",
      targetId: event.id,
      actorId: staff.actor?.id,
      details: { workshopId: workshop.id },
    });
    // Each group's wall is the event's, written in the workshop's transaction.
    const [group] = await db().select().from(workshopGroups).where(eq(workshopGroups.workshopId, workshop.id));
    const [groupWall] = await db()
      .select({ ownerType: walls.ownerType, ownerId: walls.ownerId })
      .from(walls)
      .where(eq(walls.id, group?.wallId ?? ""));
    expect(groupWall).toMatchObject({ ownerType: "event", ownerId: event.id });
    expect((await wallAuditOf(group?.wallId ?? ""))?.xmin).toBe(await xminOf(workshops, workshop.id));

    for (const action of ["start", "next", "previous", "stop"] as const) {
      await app.platform.services.events.controlWorkshop(staff, workshop.id, { action });
      const row = await lastAudit(`workshop.${action}`, workshop.id);
      expect(row, action).toMatchObject({ targetType: "workshop", actorId: staff.actor?.id });
      expect(row?.xmin, action).toBe(await xminOf(workshops, workshop.id));
      await expectAudited(db(), {
        module: "events",
        action: `workshop.${action}`,
        targetId: workshop.id,
        actorId: staff.actor?.id,
      });
    }
  });

  it("audits a registration without an account by the browser's participant id, never its e-mail address", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    await app.platform.services.events.register(
      { actor: null, locale: "fi", participantHash: "hash-of-p1", addressHash: "a" },
      event.slug,
      {
        name: "Laura Mäkelä",
        email: "laura@example.test",
      },
    );
    const [registration] = await db().select().from(registrations).where(eq(registrations.eventId, event.id));
    const row = await lastAudit("registration.create", event.id);
    expect(row).toMatchObject({ targetType: "event", actorId: null, actorParticipant: "hash-of-p1" });
    await expectAudited(db(), {
      module: "events",
      action: "registration.create",
      targetId: event.id,
      actorId: null,
      actorParticipant: "hash-of-p1",
      details: { registrationId: registration?.id },
    });
    expect(JSON.stringify(row?.details)).not.toContain("laura@example.test");
    const [inserted] = await db()
      .select({ xmin: sql<string>`xmin::text` })
      .from(registrations)
      .where(eq(registrations.id, registration?.id ?? ""));
    expect(row?.xmin).toBe(inserted?.xmin);
  });

  it("audits a registration over HTTP with the participant cookie's hash", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    // The registration gives the browser its participant cookie when it has none.
    const response = await api(app, `/api/events/${event.slug}/registrations`, {
      method: "POST",
      body: { name: "Aino", email: "aino@example.test" },
    });
    expect(response.status).toBe(204);
    const [registration] = await db().select().from(registrations).where(eq(registrations.eventId, event.id));
    expect(registration?.participantHash).toBeTruthy();
    const row = await lastAudit("registration.create", event.id);
    expect(row).toMatchObject({ actorId: null, actorParticipant: registration?.participantHash });
    await expectAudited(db(), {
      module: "events",
      action: "registration.create",
      targetId: event.id,
      actorId: null,
      actorParticipant: registration?.participantHash,
    });
    expect(JSON.stringify(row)).not.toContain("aino@example.test");
  });

  it("audits the summary and a series in the write's transaction", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    await app.platform.services.events.publishSummary(staff, event.id, { summary: "Luonnos", publish: false });
    expect((await lastAudit("summary.save", event.id))?.xmin).toBe(await xminOf(events, event.id));
    await expectAudited(db(), {
      module: "events",
      action: "summary.save",
      targetId: event.id,
      actorId: staff.actor?.id,
    });
    await app.platform.services.events.publishSummary(staff, event.id, { summary: "Valmis", publish: true });
    expect((await lastAudit("summary.publish", event.id))?.xmin).toBe(await xminOf(events, event.id));
    await expectAudited(db(), {
      module: "events",
      action: "summary.publish",
      targetId: event.id,
      actorId: staff.actor?.id,
    });

    const series = await app.platform.services.events.createSeries(staff, { name: "Aluekierros 2030" });
    const row = await lastAudit("series.create", series.id);
    expect(row?.targetType).toBe("series");
    expect(row?.xmin).toBe(await xminOf(eventSeries, series.id));
    await expectAudited(db(), {
      module: "events",
      action: "series.create",
      targetId: series.id,
      actorId: staff.actor?.id,
      details: { name: "Aluekierros 2030" },
    });
  });

  it("leaves no audit row when a write fails", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    const before = await countAudits();
    const missing = crypto.randomUUID();
    await expect(
      app.platform.services.events.publishSummary(staff, missing, { summary: "x", publish: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(app.platform.services.events.removeAgendaItem(staff, "not-an-id")).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      app.platform.services.events.controlWorkshop(staff, "not-an-id", { action: "start" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      app.platform.services.events.register(
        { actor: null, locale: "fi", participantHash: null, addressHash: "a" },
        event.slug,
        {
          name: "",
        },
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await countAudits()).toBe(before);
  });

  it("audits a signed-in person's registration under their account, not a participant id", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    await app.platform.services.events.register(
      { ...staff, participantHash: "hash-of-staff-browser", addressHash: "a" },
      event.slug,
      { name: "Sanna" },
    );
    await expectAudited(db(), {
      module: "events",
      action: "registration.create",
      targetId: event.id,
      actorId: staff.actor?.id,
      actorParticipant: null,
    });
  });

  it("makes an event and its wall in one transaction: a failed event leaves no wall and no audit row", async () => {
    const wallsBefore = (await db().select({ id: walls.id }).from(walls)).length;
    const before = await countAudits();
    // The series does not exist: the event's insert fails after its wall was written in the same transaction.
    await expect(
      app.platform.services.events.create(staff, { ...seminar, title: "Ei synny", seriesId: crypto.randomUUID() }),
    ).rejects.toBeTruthy();
    expect((await db().select({ id: walls.id }).from(walls)).length).toBe(wallsBefore);
    expect(await countAudits()).toBe(before);
    expect(await db().select().from(auditEvents).where(eq(auditEvents.module, "walls"))).not.toContainEqual(
      expect.objectContaining({ details: expect.objectContaining({ title: "Ei synny" }) }),
    );
  });

  it("joins a caller's unit of work: the workshop, its group walls and their audit rows roll back together", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    const wallsBefore = (await db().select({ id: walls.id }).from(walls)).length;
    const auditsBefore = (await db().select({ id: auditEvents.id }).from(auditEvents)).length;
    const outer = createWritePath(db(), () => {})(defineAuditActions("test", ["outer.fail"]));
    await expect(
      outer({
        caller: staff,
        allow: () => {},
        run: async ({ unit }) => {
          await app.platform.services.events.addWorkshop(
            staff,
            event.id,
            { title: "Kesken", steps: [{ instructions: "Vaihe", minutes: 5 }], groups: ["A", "B"] },
            { within: unit },
          );
          throw new Error("the caller's next step failed");
        },
      }),
    ).rejects.toThrow("the caller's next step failed");
    expect(await db().select().from(workshops).where(eq(workshops.eventId, event.id))).toEqual([]);
    expect((await db().select({ id: walls.id }).from(walls)).length).toBe(wallsBefore);
    expect((await db().select({ id: auditEvents.id }).from(auditEvents)).length).toBe(auditsBefore);
  });
});
