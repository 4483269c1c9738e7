import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { employmentRate } from "./test-fixture.ts";

/** Every write of the strategy module goes through the write path and leaves its audit row in its transaction. */
describe("strategy writes", () => {
  let app: TestApp;
  let staff: Awaited<ReturnType<typeof personCaller>>;
  beforeAll(async () => {
    app = await startTestApp();
    staff = await personCaller(app, "staff", "Sanna Valmistelija");
  });
  afterAll(() => app.close());

  it("audits creating and changing a strategy, its goals, indicators and measurements, and deleting them", async () => {
    const strategies = app.platform.services.strategies;
    const db = app.database.db;
    const audited = (action: string, targetId: string, details: Record<string, unknown>) =>
      expectAudited(db, { module: "strategy", action, targetId, actorId: staff.person.id, details });

    const strategy = await strategies.create(staff.caller, {
      name: "Maakuntastrategia",
      startYear: 2021,
      endYear: 2025,
    });
    await audited("strategy.create", strategy.id, { name: "Maakuntastrategia", startYear: 2021, status: "draft" });
    await strategies.update(staff.caller, strategy.id, { status: "adopted", vision: "Visio" });
    await audited("strategy.update", strategy.id, {
      changed: ["status", "vision"],
      statusFrom: "draft",
      statusTo: "adopted",
    });

    const goal = await strategies.createGoal(staff.caller, strategy.id, { category: "services", title: "Palvelut" });
    await audited("goal.create", goal.id, { strategyId: strategy.id, category: "services", title: "Palvelut" });
    await strategies.updateGoal(staff.caller, goal.id, { title: "Palvelut lähellä" });
    await audited("goal.update", goal.id, { changed: ["title"] });

    const { indicator } = await strategies.createIndicator(staff.caller, goal.id, employmentRate);
    await audited("indicator.create", indicator.id, { goalId: goal.id, name: "Työllisyysaste" });
    await strategies.updateIndicator(staff.caller, indicator.id, { targetValue: "72" });
    await audited("indicator.update", indicator.id, { changed: ["targetValue"] });

    const measurement = await strategies.createMeasurement(staff.caller, indicator.id, {
      date: "2022-12-31",
      value: "64.5",
    });
    await audited("measurement.create", measurement.id, {
      indicatorId: indicator.id,
      date: "2022-12-31",
      value: "64.5",
    });
    await strategies.updateMeasurement(staff.caller, measurement.id, { value: "65" });
    await audited("measurement.update", measurement.id, { date: "2022-12-31", changed: ["value"] });
    await strategies.deleteMeasurement(staff.caller, measurement.id);
    await audited("measurement.delete", measurement.id, { indicatorId: indicator.id, date: "2022-12-31", value: "65" });

    await strategies.deleteIndicator(staff.caller, indicator.id);
    await audited("indicator.delete", indicator.id, { goalId: goal.id, name: "Työllisyysaste" });
    await strategies.deleteGoal(staff.caller, goal.id);
    await audited("goal.delete", goal.id, { strategyId: strategy.id, title: "Palvelut lähellä" });
    expect((await strategies.get(staff.caller, strategy.id)).goals).toEqual([]);
  });
});
