import { afterAll, beforeAll, describe, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";

/** Every write of the programme module goes through the write path and leaves its audit row. */
describe("programme writes", () => {
  let app: TestApp;
  let staff: Awaited<ReturnType<typeof personCaller>>;
  beforeAll(async () => {
    app = await startTestApp();
    staff = await personCaller(app, "staff", "Sanna Valmistelija");
  });
  afterAll(() => app.close());

  it("audits adding and changing a phase, and adding and removing a milestone", async () => {
    const timeline = app.platform.services.timeline;
    const db = app.database.db;
    const actorId = staff.person.id;
    await timeline.createPhase(staff.caller, { name: { fi: "Jälkiarviointi" } });
    const phase = (await timeline.get(staff.caller)).phases.at(-1);
    await expectAudited(db, {
      module: "programme",
      action: "phase.create",
      targetId: phase?.id ?? "",
      actorId,
      details: { name: "Jälkiarviointi" },
    });
    await timeline.updatePhase(staff.caller, phase?.id ?? "", {
      name: { fi: "Jälkiarviointi" },
      startsOn: "2019-01-01",
      endsOn: "2019-06-30",
    });
    await expectAudited(db, {
      module: "programme",
      action: "phase.update",
      targetId: phase?.id ?? "",
      actorId,
      details: { startsOn: "2019-01-01", endsOn: "2019-06-30" },
    });
    await timeline.addMilestone(staff.caller, { title: "Arviointiraportti", dueOn: "2019-06-30" });
    const milestone = (await timeline.get(staff.caller)).entries.find((e) => e.kind === "milestone");
    await expectAudited(db, {
      module: "programme",
      action: "milestone.add",
      targetId: milestone?.id ?? "",
      actorId,
      details: { title: "Arviointiraportti", dueOn: "2019-06-30" },
    });
    await timeline.removeMilestone(staff.caller, milestone?.id ?? "");
    await expectAudited(db, {
      module: "programme",
      action: "milestone.remove",
      targetId: milestone?.id ?? "",
      actorId,
      details: { title: "Arviointiraportti" },
    });
  });
});
