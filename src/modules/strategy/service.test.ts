import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GroupFixture, groupFixture } from "../../../test/support/group-visitors.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { addDays, helsinkiDate } from "../../core/dates.ts";
import { presentStrategyDetail } from "./presenters.ts";
import { employmentRate, strategyWithIndicator } from "./test-fixture.ts";

describe("strategy service", () => {
  let app: TestApp;
  let f: GroupFixture;
  const strategies = () => app.platform.services.strategies;
  const as = (who: keyof GroupFixture["callers"]): Caller => f.callers[who];
  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
  });
  afterAll(() => app.close());

  it("gives a strategy with its goals by category, each indicator's status and measurements, and the overview", async () => {
    const { strategy, indicator } = await strategyWithIndicator(app, as("staff"), { groupId: f.group.id });
    const wellbeing = await strategies().createGoal(as("staff"), strategy.id, {
      category: "wellbeing",
      title: "Hyvinvointi paranee",
      responsiblePersonId: as("admin").actor?.id,
    });
    const { indicator: waiting } = await strategies().createIndicator(as("staff"), wellbeing.id, {
      name: "Hoitoon pääsy",
      unit: "vrk",
      direction: "lower_better",
      baselineValue: "30",
      baselineDate: "2021-01-01",
      targetValue: "10",
      targetDate: "2025-01-01",
    });
    await strategies().createIndicator(as("staff"), wellbeing.id, { ...employmentRate, name: "Ei vielä mitattu" });
    // The group's member enters it: 64 at the end of 2022, where the path expects 66 (6 up): 4/6 = 66.7 %, off track.
    await strategies().createMeasurement(as("groupMember"), indicator.id, {
      date: "2021-12-31",
      value: "65",
      source: "Tilastokeskus",
    });
    await strategies().createMeasurement(as("groupMember"), indicator.id, { date: "2022-12-31", value: "64" });
    // 2022-01-01 expects 25.003… (365 of 1461 days down from 30 to 10): 25 is lower, so on track.
    await strategies().createMeasurement(as("staff"), waiting.id, { date: "2022-01-01", value: "25.0" });

    const detail = presentStrategyDetail(await strategies().get({ actor: null, locale: "fi" }, strategy.id));
    expect(detail.visionHtml).toBe("<p><strong>Elinvoimainen</strong> maakunta</p>");
    expect(detail.goals.map((g) => [g.category, g.title])).toEqual([
      ["wellbeing", "Hyvinvointi paranee"],
      ["regional_development", "Työllisyys kasvaa"],
    ]);
    const employment = detail.goals[1]?.indicators[0];
    expect(detail.goals[1]?.responsible).toEqual({
      kind: "group",
      id: f.group.id,
      name: f.group.name,
      slug: f.group.slug,
    });
    expect(detail.goals[0]?.responsible).toMatchObject({ kind: "person", id: as("admin").actor?.id });
    expect(employment?.status).toEqual({
      status: "off_track",
      latest: { date: "2022-12-31", value: "64" },
      expected: "66",
      progressPercent: "66.7",
    });
    expect(employment?.path.map((p) => p.kind)).toEqual(["baseline", "intermediate", "target"]);
    // A visitor sees who entered a measurement by name only.
    expect(employment?.measurements.map((m) => [m.date, m.value, m.enteredBy])).toEqual([
      ["2021-12-31", "65", { name: "Leena Jäsen" }],
      ["2022-12-31", "64", { name: "Leena Jäsen" }],
    ]);
    expect(detail.goals[0]?.indicators.map((i) => [i.name, i.status.status, i.status.latest?.value ?? null])).toEqual([
      ["Hoitoon pääsy", "on_track", "25"],
      ["Ei vielä mitattu", "no_data", null],
    ]);
    expect(detail.canManage).toBe(false);
    expect(detail.goals.map((g) => g.canEnterMeasurements)).toEqual([false, false]);
    const { categories } = await strategies().overview(as("member"), strategy.id);
    expect(categories.map((c) => c.category)).toEqual([
      "wellbeing",
      "services",
      "regional_development",
      "ownership",
      "personnel",
      "participation",
    ]);
    expect(categories[0]).toEqual({
      category: "wellbeing",
      goals: 1,
      indicators: 2,
      counts: { on_track: 1, behind: 0, off_track: 0, no_data: 1 },
    });
    expect(categories[2]?.counts).toEqual({ on_track: 0, behind: 0, off_track: 1, no_data: 0 });
    expect(categories[1]).toMatchObject({ goals: 0, indicators: 0 });
    // The group's people may enter measurements; their detail says so and names who entered each.
    const asMember = presentStrategyDetail(await strategies().get(as("groupMember"), strategy.id));
    expect(asMember.goals.map((g) => g.canEnterMeasurements)).toEqual([false, true]);
    expect(asMember.goals[1]?.indicators[0]?.measurements[0]?.enteredBy).toEqual({
      id: as("groupMember").actor?.id,
      name: "Leena Jäsen",
    });
  });

  it("keeps a draft to staff, also from the goal's responsible group, who may enter measurements once it is public", async () => {
    const { strategy, indicator } = await strategyWithIndicator(app, as("staff"), {
      status: "draft",
      groupId: f.group.id,
    });
    await expect(strategies().get(as("convener"), strategy.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      strategies().createMeasurement(as("convener"), indicator.id, { date: "2021-06-30", value: "61" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const listed = async (who: Caller) => (await strategies().list(who, { limit: 200 })).items.map((s) => s.id);
    expect(await listed(as("member"))).not.toContain(strategy.id);
    expect(await listed(as("staff"))).toContain(strategy.id);

    await app.platform.services.strategyConsultation.open(as("staff"), strategy.id, {
      deadline: addDays(helsinkiDate(), 7).toString(),
    });
    const entered = await strategies().createMeasurement(as("convener"), indicator.id, {
      date: "2021-06-30",
      value: "61",
    });
    expect(entered).toMatchObject({ date: "2021-06-30", value: "61" });
    // Archived: the period is over and stays readable to everyone.
    await strategies().update(as("staff"), strategy.id, { status: "archived" });
    expect((await strategies().get({ actor: null, locale: "sv" }, strategy.id)).strategy.status).toBe("archived");
    expect(await listed({ actor: null, locale: "fi" })).toContain(strategy.id);
  });

  it("pages the strategies newest period first, by keyset", async () => {
    for (const start of [2001, 2005, 2009])
      await strategies().create(as("staff"), { name: `Kausi ${start}`, startYear: start, endYear: start + 3 });
    const seen: { id: string; startYear: number }[] = [];
    let cursor: string | undefined;
    do {
      const page = await strategies().list(as("staff"), { limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const years = seen.map((s) => s.startYear);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(years).toEqual(expect.arrayContaining([2001, 2005, 2009]));
    // Every strategy once: no page repeats or skips one.
    const all = await strategies().list(as("staff"), { limit: 200 });
    expect(seen.map((s) => s.id).sort()).toEqual(all.items.map((s) => s.id).sort());
    await expect(strategies().list(as("staff"), { cursor: "bogus" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "cursor" }],
    });
  });

  it("refuses a period that would leave measurements outside it, and a responsible group and person at once", async () => {
    const { strategy, goal, indicator } = await strategyWithIndicator(app, as("staff"));
    await strategies().createMeasurement(as("staff"), indicator.id, { date: "2021-03-31", value: "60.5" });
    await expect(strategies().update(as("staff"), strategy.id, { startYear: 2022 })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "startYear", message: expect.stringContaining("31. maaliskuuta 2021") }],
    });
    await expect(strategies().update(as("staff"), strategy.id, { endYear: 2020 })).rejects.toMatchObject({
      issues: [{ path: "endYear" }],
    });
    await expect(
      strategies().updateGoal(as("staff"), goal.id, {
        responsibleGroupId: f.group.id,
        responsiblePersonId: as("admin").actor?.id,
      }),
    ).rejects.toMatchObject({ issues: [{ path: "responsiblePersonId" }] });
    await expect(
      strategies().updateGoal(as("staff"), goal.id, { responsibleGroupId: crypto.randomUUID() }),
    ).rejects.toMatchObject({ issues: [{ path: "responsibleGroupId", message: "Työryhmää ei löytynyt." }] });
    // A group replaces a person as responsible.
    await strategies().updateGoal(as("staff"), goal.id, { responsiblePersonId: as("admin").actor?.id });
    const changed = await strategies().updateGoal(as("staff"), goal.id, { responsibleGroupId: f.publicGroup.id });
    expect([changed.responsibleGroupId, changed.responsiblePersonId]).toEqual([f.publicGroup.id, null]);
    const after = await strategies().get(as("staff"), strategy.id);
    expect([after.strategy.startYear, after.strategy.endYear]).toEqual([2021, 2025]);
  });
});
