import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";

describe("programme timeline", () => {
  let app: TestApp;
  let staff: Caller;
  let member: Awaited<ReturnType<typeof personCaller>>;
  let outsider: Awaited<ReturnType<typeof personCaller>>;

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff", "Sanna Valmistelija")).caller;
    member = await personCaller(app, "member");
    outsider = await personCaller(app, "member");
  });
  afterAll(() => app.close());

  it("starts with the template's implementation phases, in order and without dates", async () => {
    const timeline = await app.platform.services.timeline.get(member.caller);
    expect(timeline.phases.map((p) => [p.position, p.name.en, p.startsOn])).toEqual([
      [1, "Pre-preparation", null],
      [2, "Interim administration", null],
      [3, "Start-up phase", null],
      [4, "First full operating period", null],
    ]);
    expect(timeline).toMatchObject({ entries: [], canManage: false });
  });

  it("lists phases, milestones and the deadlines a person may see in date order", async () => {
    const { phases } = await app.platform.services.timeline.get(staff);
    const first = phases[0];
    if (!first) throw new Error("no phase");
    await app.platform.services.timeline.updatePhase(staff, first.id, {
      name: first.name,
      startsOn: "2017-02-01",
      endsOn: "2017-06-30",
    });
    await app.platform.services.timeline.addMilestone(staff, {
      title: "Raportointi koordinaatioryhmälle",
      dueOn: "2017-06-30",
      phaseId: first.id,
    });
    await app.platform.services.timeline.addMilestone(staff, { title: "Työryhmät aloittavat", dueOn: "2017-02-15" });
    const group = await app.platform.services.groups.create(staff, {
      name: "Maakuntastrategia",
      chairId: member.person.id,
    });
    const templates = await app.platform.services.deliverableTemplates.list(staff);
    const deliverable = await app.platform.services.deliverables.create(member.caller, group.id, {
      templateId: templates[0]?.id ?? "",
    });
    await app.platform.services.deliverables.addDeadline(member.caller, deliverable.id, {
      kind: "preliminary",
      dueOn: "2017-04-13",
    });
    await app.platform.services.deliverables.addDeadline(member.caller, deliverable.id, {
      kind: "report",
      dueOn: "2017-06-30",
    });

    const seen = await app.platform.services.timeline.get(member.caller);
    expect(seen.entries.map((e) => `${e.date} ${e.kind}`)).toEqual([
      "2017-02-01 phase",
      "2017-02-15 milestone",
      "2017-04-13 deadline",
      "2017-06-30 milestone",
      "2017-06-30 deadline",
    ]);
    // Someone outside the group sees the programme but not the group's private deadlines.
    expect((await app.platform.services.timeline.get(outsider.caller)).entries.map((e) => e.kind)).toEqual([
      "phase",
      "milestone",
      "milestone",
    ]);
    await expect(app.platform.services.timeline.get({ actor: null, locale: "fi" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
  });

  it("lets only staff keep the timeline, and refuses an end before the start in the caller's language", async () => {
    const { phases } = await app.platform.services.timeline.get(staff);
    const phase = phases[1];
    if (!phase) throw new Error("no phase");
    await expect(
      app.platform.services.timeline.addMilestone(member.caller, { title: "X", dueOn: "2017-01-01" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      app.platform.services.timeline.updatePhase({ ...staff, locale: "sv" }, phase.id, {
        name: phase.name,
        startsOn: "2018-01-01",
        endsOn: "2017-12-31",
      }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "endsOn", message: "Slutdatumet ska vara samma dag som startdatumet eller senare." }],
    });
    await app.platform.services.timeline.createPhase(staff, { name: { fi: "Jälkiarviointi" } });
    const after = await app.platform.services.timeline.get(staff);
    expect(after.phases.at(-1)).toMatchObject({ position: 5, name: { fi: "Jälkiarviointi", sv: "", en: "" } });
    const milestone = after.entries.find((e) => e.kind === "milestone");
    await app.platform.services.timeline.removeMilestone(staff, milestone?.id ?? "");
    expect(
      (await app.platform.services.timeline.get(staff)).entries.filter((e) => e.kind === "milestone"),
    ).toHaveLength(1);
  });
});
