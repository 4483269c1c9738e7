import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import { employmentRate } from "./test-fixture.ts";

interface Detail {
  status: string;
  goals: { id: string; indicators: { id: string; status: { status: string }; measurements: unknown[] }[] }[];
}

describe("the strategy over HTTP", () => {
  let app: TestApp;
  let staff: string;
  let groupMember: string;
  let outsider: string;
  let strategyId: string;
  let goalId: string;
  let indicatorId: string;
  const english = (cookie: string) => `${cookie}; uudistamo_lang=en`;

  beforeAll(async () => {
    app = await startTestApp();
    const people = await Promise.all(
      (["staff", "member", "member"] as const).map((role) => createPerson(app.database, role)),
    );
    const [s, m, o] = await Promise.all(people.map((p) => signIn(app, p.email, p.password)));
    [staff, groupMember, outsider] = [s as string, m as string, o as string];
    const group = await api(app, "/api/groups", {
      method: "POST",
      cookie: staff,
      body: { name: "Elinvoimaryhmä", convenerId: people[1]?.id },
    });
    expect(group.status).toBe(201);
    const created = await api(app, "/api/strategies", {
      method: "POST",
      cookie: staff,
      body: {
        name: "Maakuntastrategia 2021–2025",
        startYear: 2021,
        endYear: "2025",
        vision: "Visio <script>x</script>",
      },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ status: "draft", endYear: 2025 });
    expect(created.json.visionHtml).not.toContain("<script");
    strategyId = created.json.id as string;
    const goal = await api(app, `/api/strategies/${strategyId}/goals`, {
      method: "POST",
      cookie: staff,
      body: { category: "regional_development", title: "Työllisyys", responsibleGroupId: group.json.id },
    });
    expect(goal.status).toBe(201);
    goalId = goal.json.id as string;
    const indicator = await api(app, `/api/strategies/goals/${goalId}/indicators`, {
      method: "POST",
      cookie: staff,
      body: { ...employmentRate, baselineValue: 60 },
    });
    expect(indicator.status).toBe(201);
    expect(indicator.json).toMatchObject({
      baseline: { value: "60" },
      intermediateTargets: [{ year: 2022, value: "66" }],
    });
    indicatorId = indicator.json.id as string;
  });
  afterAll(() => app.close());

  const detail = async (cookie?: string) => {
    const response = await api(app, `/api/strategies/${strategyId}`, { cookie });
    return { status: response.status, body: response.json as unknown as Detail };
  };

  it("documents every route in /api/openapi.json", async () => {
    const doc = await api(app, "/api/openapi.json");
    expect(Object.keys((doc.json as unknown as { paths: Record<string, unknown> }).paths)).toEqual(
      expect.arrayContaining([
        "/api/strategies",
        "/api/strategies/{id}",
        "/api/strategies/{id}/overview",
        "/api/strategies/{id}/goals",
        "/api/strategies/goals/{id}",
        "/api/strategies/goals/{id}/indicators",
        "/api/strategies/indicators/{id}",
        "/api/strategies/indicators/{id}/measurements",
        "/api/strategies/measurements/{id}",
      ]),
    );
  });

  it("keeps the draft from visitors; once published, the responsible group enters measurements and everyone reads the status", async () => {
    expect((await detail()).status).toBe(401);
    expect((await detail(outsider)).status).toBe(403);
    const list = await api(app, "/api/strategies");
    expect(list.json).toMatchObject({ items: [], nextCursor: null });
    const opened = await api(app, `/api/strategies/${strategyId}`, {
      method: "PATCH",
      cookie: staff,
      body: { status: "adopted" },
    });
    expect(opened.json).toMatchObject({ status: "adopted" });
    const measure = (cookie: string, body: unknown) =>
      api(app, `/api/strategies/indicators/${indicatorId}/measurements`, { method: "POST", cookie, body });
    expect((await measure(outsider, { date: "2021-12-31", value: "61" })).status).toBe(403);
    const entered = await measure(groupMember, { date: "2022-12-31", value: "66,5", source: "Tilastokeskus" });
    expect(entered.status).toBe(201);
    expect(entered.json).toMatchObject({ date: "2022-12-31", value: "66.5", source: "Tilastokeskus" });
    const corrected = await api(app, `/api/strategies/measurements/${entered.json.id}`, {
      method: "PATCH",
      cookie: groupMember,
      body: { value: 64.5 },
    });
    expect(corrected.json).toMatchObject({ value: "64.5" });
    const seen = await detail();
    expect(seen.status).toBe(200);
    expect(seen.body.goals[0]?.indicators[0]?.status).toEqual({
      status: "behind",
      latest: { date: "2022-12-31", value: "64.5" },
      expected: "66",
      progressPercent: "75",
    });
    const overview = await api(app, `/api/strategies/${strategyId}/overview`);
    expect((overview.json as unknown as { category: string; counts: object }[])[2]).toMatchObject({
      category: "regional_development",
      counts: { on_track: 0, behind: 1, off_track: 0, no_data: 0 },
    });
    expect((await api(app, "/api/strategies")).json.items).toHaveLength(1);
  });

  it("refuses bad input with 400 naming the field in the caller's language, and changes nothing", async () => {
    const before = await detail(staff);
    const refused = async (path: string, method: string, body: unknown, field: string, text: string) => {
      const response = await api(app, path, { method, cookie: english(staff), body });
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(response.json).toMatchObject({
        code: "VALIDATION_FAILED",
        // A field may have more than one problem (a target date before the baseline is also before 2022's end).
        issues: expect.arrayContaining([{ path: field, message: expect.stringContaining(text) }]),
      });
    };
    const measurements = `/api/strategies/indicators/${indicatorId}/measurements`;
    await refused(measurements, "POST", { date: "2021-06-30", value: "plenty" }, "value", "Give the value as a number");
    await refused(measurements, "POST", { date: "2021-06-30", value: "1e3" }, "value", "Give the value as a number");
    await refused(measurements, "POST", { date: "2021-06-30", value: null }, "value", "Give the value as a number");
    await refused(measurements, "POST", { date: "2026-01-01", value: "61" }, "date", "within the strategy period");
    await refused(measurements, "POST", { date: "2020-12-31", value: "61" }, "date", "within the strategy period");
    const good = (date: string) => api(app, measurements, { method: "POST", cookie: staff, body: { date, value: 67 } });
    expect((await good("2024-12-31")).status).toBe(201);
    await refused(measurements, "POST", { date: "2024-12-31", value: "61" }, "date", "already has a measurement for");
    await refused(measurements, "POST", { date: "2024-12-31", value: "61" }, "date", "2024");
    const other = await good("2023-12-31");
    expect(other.status).toBe(201);
    const moved = `/api/strategies/measurements/${other.json.id}`;
    await refused(moved, "PATCH", { date: "2024-12-31" }, "date", "already has a measurement for");
    await refused(moved, "PATCH", { value: "sixty" }, "value", "Give the value as a number");
    await refused(
      `/api/strategies/goals/${goalId}/indicators`,
      "POST",
      { ...employmentRate, targetDate: "2019-12-31" },
      "targetDate",
      "The target date must be after the baseline date",
    );
    await refused(
      `/api/strategies/goals/${goalId}/indicators`,
      "POST",
      { ...employmentRate, targetValue: "lots" },
      "targetValue",
      "Give the value as a number",
    );
    await refused(
      `/api/strategies/indicators/${indicatorId}`,
      "PATCH",
      { targetDate: "2020-06-30" },
      "targetDate",
      "The target date must be after the baseline date",
    );
    await refused(
      `/api/strategies/indicators/${indicatorId}`,
      "PATCH",
      { intermediateTargets: { "2030": "1" } },
      "intermediateTargets.2030",
      "between the baseline and target dates",
    );
    await refused(
      `/api/strategies/${strategyId}/goals`,
      "POST",
      { category: "defence", title: "Puolustus" },
      "category",
      "Unknown category",
    );
    await refused(`/api/strategies/goals/${goalId}`, "PATCH", { category: "" }, "category", "Unknown category");
    await refused("/api/strategies", "POST", { name: "X", startYear: 2025, endYear: 2021 }, "endYear", "end year");

    const after = await detail(staff);
    const shape = (d: Detail) =>
      d.goals.map((g) => ({ id: g.id, indicators: g.indicators.map((i) => [i.id, i.measurements.length]) }));
    // Only the two good measurements were added in between.
    expect(shape(after.body)).toEqual(
      shape(before.body).map((g) => ({ ...g, indicators: g.indicators.map(([id, n]) => [id, Number(n) + 2]) })),
    );
    const indicator = await api(app, `/api/strategies/indicators/${indicatorId}`);
    expect(indicator.json).toMatchObject({ target: { date: "2025-12-31" }, intermediateTargets: [{ year: 2022 }] });
    expect((await api(app, "/api/strategies", { cookie: staff })).json.items).toHaveLength(1);
  });

  it("deletes a measurement, an indicator and a goal", async () => {
    const extra = await api(app, `/api/strategies/${strategyId}/goals`, {
      method: "POST",
      cookie: staff,
      body: { category: "ownership", title: "Omistajaohjaus" },
    });
    expect(
      (await api(app, `/api/strategies/goals/${extra.json.id}`, { method: "DELETE", cookie: outsider })).status,
    ).toBe(403);
    expect((await api(app, `/api/strategies/goals/${extra.json.id}`, { method: "DELETE", cookie: staff })).status).toBe(
      204,
    );
    expect((await api(app, `/api/strategies/goals/${extra.json.id}`, { method: "DELETE", cookie: staff })).status).toBe(
      404,
    );
    expect(
      (await api(app, "/api/strategies/measurements/not-a-uuid", { method: "DELETE", cookie: staff })).status,
    ).toBe(400);
  });
});
