import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { createPerson, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";

describe("events service", () => {
  let app: TestApp;
  let staff: Caller;
  const visitor: Caller = { actor: null, locale: "fi" };
  beforeAll(async () => {
    app = await startTestApp();
    const person = await createPerson(app.database, "staff");
    staff = { actor: { id: person.id, name: person.name, email: person.email, role: "staff" }, locale: "fi" };
  });
  afterAll(() => app.close());

  const seminar = {
    title: "Kymenlaakson maakuntauudistusseminaari",
    date: "2016-08-31",
    startTime: "08:45",
    endTime: "19:00",
    place: "Kotkan kaupungintalo",
    city: "Kotka",
    organiser: "Kymenlaakson Liitto",
  };

  it("creates an event with its own wall, open to holders of the event's join code", async () => {
    const event = await app.platform.services.events.create(staff, { ...seminar, joinCode: "KOTKA-31" });
    expect(event.startsAt.toISOString()).toBe("2016-08-31T05:45:00.000Z");
    const detail = await app.platform.services.events.getBySlug(visitor, event.slug);
    expect(detail.event.wallSlug).toBeTruthy();
    const walls = await app.platform.services.events.wallsOf(event);
    expect(walls).toEqual([{ wallId: event.wallId, code: "KOTKA-31" }]);
    await expectAudited(app.database.db, {
      module: "events",
      action: "event.create",
      targetId: event.id,
      actorId: staff.actor?.id,
    });
  });

  it("gives the event's walls its new join code when the code changes, as an audited wall update", async () => {
    const event = await app.platform.services.events.create(staff, { ...seminar, joinCode: "KOTKA-32" });
    await app.platform.services.events.update(staff, event.id, { ...seminar, joinCode: "KOTKA-33" });
    expect(await app.platform.services.events.wallsOf(event)).toEqual([{ wallId: event.wallId, code: "KOTKA-33" }]);
    await expectAudited(app.database.db, {
      module: "walls",
      action: "wall.update",
      targetId: event.wallId,
      actorId: staff.actor?.id,
      details: { joinCode: "KOTKA-33" },
    });
  });

  it("keeps an agenda in time order with speakers and breaks, readable without signing in", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    await app.platform.services.events.addAgendaItem(staff, event.id, {
      time: "09:30",
      title: "Valmistelutilanteen esittely",
      speakers: [{ name: "Annikki Niiranen", title: "toimitusjohtaja", organisation: "Carea" }],
    });
    await app.platform.services.events.addAgendaItem(staff, event.id, { time: "09:00", title: "Tilaisuuden avaus" });
    await app.platform.services.events.addAgendaItem(staff, event.id, {
      time: "10:30",
      kind: "break",
      title: "Virvokkeita",
    });
    const { agenda } = await app.platform.services.events.getBySlug(visitor, event.slug);
    expect(agenda.map((i) => i.title)).toEqual(["Tilaisuuden avaus", "Valmistelutilanteen esittely", "Virvokkeita"]);
    expect(agenda[1]?.speakers).toEqual([
      { name: "Annikki Niiranen", title: "toimitusjohtaja", organisation: "Carea" },
    ]);
    expect(agenda[2]?.kind).toBe("break");
    await expectAudited(app.database.db, { module: "events", action: "agenda.add", targetId: event.id, count: 3 });
  });

  it("runs a workshop step by step, each group with its own wall", async () => {
    const event = await app.platform.services.events.create(staff, seminar);
    const workshop = await app.platform.services.events.addWorkshop(staff, event.id, {
      title: "Työosuus I",
      steps: [
        { instructions: "Valmisteluryhmien työn läpikäynti", minutes: 30 },
        { instructions: "Tärkeimpien kysymysten nostaminen", minutes: 25 },
      ],
      groups: ["SOTE", "Maakuntapalvelut"],
    });
    expect(workshop.groups.every((g) => g.wallSlug)).toBe(true);
    const started = await app.platform.services.events.controlWorkshop(staff, workshop.id, { action: "start" });
    expect(started.currentStep).toBe(1);
    expect(
      (await app.platform.services.events.controlWorkshop(staff, workshop.id, { action: "next" })).currentStep,
    ).toBe(2);
    expect(
      (await app.platform.services.events.controlWorkshop(staff, workshop.id, { action: "next" })).currentStep,
    ).toBe(2);
    await expect(
      app.platform.services.events.controlWorkshop(visitor, workshop.id, { action: "stop" }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(await app.platform.services.events.wallsOf(event)).toHaveLength(3);
    await expectAudited(app.database.db, {
      module: "events",
      action: "workshop.next",
      targetId: workshop.id,
      actorId: staff.actor?.id,
      count: 2,
    });
  });

  it("registers a participant, asking for e-mail only as the event says, and refuses a wrong code", async () => {
    const event = await app.platform.services.events.create(staff, {
      ...seminar,
      isPublic: false,
      registrationEmail: "required",
      joinCode: "HAMINA",
    });
    const participant = { ...visitor, participantHash: "p1", addressHash: "a1" };
    await expect(
      app.platform.services.events.register(participant, event.slug, { name: "Aino" }, "HAMINA"),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "email", message: "Tähän tilaisuuteen ilmoittaudutaan sähköpostiosoitteella." }],
    });
    await expect(
      app.platform.services.events.register(
        participant,
        event.slug,
        { name: "Aino", email: "a@example.test" },
        "VÄÄRÄ",
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    const walls = await app.platform.services.events.register(
      participant,
      event.slug,
      { name: "Aino", organisation: "Kotka", email: "a@example.test" },
      "hamina",
    );
    expect(walls).toHaveLength(1);
    await expect(app.platform.services.events.getBySlug(visitor, event.slug)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect((await app.platform.services.events.getBySlug(staff, event.slug)).registrations).toBe(1);
    await expectAudited(app.database.db, {
      module: "events",
      action: "registration.create",
      targetId: event.id,
      actorId: null,
      actorParticipant: "p1",
    });
  });

  it("refuses an end before the start with a translated message, and visitors cannot create events", async () => {
    await expect(app.platform.services.events.create(staff, { ...seminar, endTime: "08:00" })).rejects.toMatchObject({
      issues: [{ path: "endTime", message: "Päättymisajan pitää olla alkamisajan jälkeen." }],
    });
    await expect(app.platform.services.events.create(visitor, seminar)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("shows the walls' posts with the published summary, and not before", async () => {
    const event = await app.platform.services.events.create(staff, { ...seminar, joinCode: "JULKAISU" });
    const [wall] = await app.platform.services.events.wallsOf(event);
    const writer = { ...visitor, participantHash: "writer", addressHash: "a", hasJoinCode: () => true };
    await app.platform.services.posts.create(writer, wall?.wallId ?? "", {
      body: "Tärkein havainto",
      idempotencyKey: "summary-post-1",
    });
    expect(await app.platform.services.events.publishedWallPosts(visitor, event.slug)).toEqual([]);
    await app.platform.services.events.publishSummary(staff, event.id, { summary: "Päivän yhteenveto", publish: true });
    const published = await app.platform.services.events.publishedWallPosts(visitor, event.slug);
    expect(published.flatMap((w) => w.posts.map((p) => p.body))).toEqual(["Tärkein havainto"]);
    await expectAudited(app.database.db, {
      module: "events",
      action: "summary.publish",
      targetId: event.id,
      actorId: staff.actor?.id,
    });
  });
});
