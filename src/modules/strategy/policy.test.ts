import { afterAll, beforeAll, describe } from "vitest";
import { type GroupFixture, groupFixture } from "../../../test/support/group-visitors.ts";
import { expectRulesDecide, type PreparedAttempt, type RuleAttempt } from "../../../test/support/policy-matrix.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { strategyGroupRolesPolicy, strategyPolicy } from "./policy.ts";
import { employmentRate, strategyWithIndicator } from "./test-fixture.ts";

/** Who the matrix runs as: the group visitors and a wall participant (a browser without an account). */
const visitors = ["anonymous", "participant", "member", "groupMember", "convener", "staff", "admin"] as const;
type Visitor = (typeof visitors)[number];
const signedOut: readonly Visitor[] = ["anonymous", "participant"];
const everyone = [...visitors];
const staffOnly: Visitor[] = ["staff", "admin"];
/** A prepared attempt (policy-matrix.ts) for these visitors, typed by what `prepare` makes. */
const prepared = <T>(attempt: PreparedAttempt<Visitor, T>): RuleAttempt<Visitor> =>
  attempt as unknown as RuleAttempt<Visitor>;

/**
 * Every strategy action, made through the real service as each kind of visitor: the goal's responsible group is
 * the fixture's private group, which "convener" convenes and "groupMember" is in; "member" is outside it.
 */
describe("strategy policy", () => {
  let app: TestApp;
  let f: GroupFixture;
  let published: Awaited<ReturnType<typeof strategyWithIndicator>>;
  let draft: Awaited<ReturnType<typeof strategyWithIndicator>>;
  const strategies = () => app.platform.services.strategies;
  const as = (who: Visitor): Caller =>
    who === "participant" ? { actor: null, locale: "fi" } : (f.callers[who] as Caller);
  let day = 0;
  /** A fresh day within the period for each measurement the matrix makes. */
  const nextDate = () => {
    day += 1;
    return `2022-${String(1 + Math.floor(day / 28)).padStart(2, "0")}-${String(1 + (day % 28)).padStart(2, "0")}`;
  };
  const measurement = () =>
    strategies().createMeasurement(as("staff"), published.indicator.id, { date: nextDate(), value: "61" });
  const goal = () =>
    strategies().createGoal(as("staff"), published.strategy.id, { category: "personnel", title: "Poistettava" });
  const indicator = () => strategies().createIndicator(as("staff"), published.goal.id, employmentRate);

  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
    published = await strategyWithIndicator(app, as("staff"), { groupId: f.group.id });
    draft = await strategyWithIndicator(app, as("staff"), { status: "draft", groupId: f.group.id });
  });
  afterAll(() => app.close());

  expectRulesDecide(
    [strategyPolicy, strategyGroupRolesPolicy],
    {
      readStrategies: everyone,
      readDrafts: staffOnly,
      manageStrategies: staffOnly,
      enterMeasurements: ["groupMember", "convener", "staff", "admin"],
    },
    {
      readStrategies: {
        list: (who) => strategies().list(as(who)),
        get: (who) => strategies().get(as(who), published.strategy.id),
        overview: (who) => strategies().overview(as(who), published.strategy.id),
        getIndicator: (who) => strategies().getIndicator(as(who), published.indicator.id),
      },
      readDrafts: {
        get: (who) => strategies().get(as(who), draft.strategy.id),
        overview: (who) => strategies().overview(as(who), draft.strategy.id),
        getIndicator: (who) => strategies().getIndicator(as(who), draft.indicator.id),
      },
      manageStrategies: {
        create: (who) => strategies().create(as(who), { name: `Strategia ${who}`, startYear: 2026, endYear: 2029 }),
        update: (who) => strategies().update(as(who), published.strategy.id, { vision: `Visio ${who}` }),
        createGoal: (who) =>
          strategies().createGoal(as(who), published.strategy.id, { category: "wellbeing", title: `Tavoite ${who}` }),
        updateGoal: (who) => strategies().updateGoal(as(who), published.goal.id, { description: `Kuvaus ${who}` }),
        deleteGoal: prepared({ prepare: goal, run: (who, g) => strategies().deleteGoal(as(who), g.id) }),
        createIndicator: (who) => strategies().createIndicator(as(who), published.goal.id, employmentRate),
        updateIndicator: (who) => strategies().updateIndicator(as(who), published.indicator.id, { unit: `% ${who}` }),
        deleteIndicator: prepared({
          prepare: indicator,
          run: (who, i) => strategies().deleteIndicator(as(who), i.indicator.id),
        }),
      },
      enterMeasurements: {
        createMeasurement: (who) =>
          strategies().createMeasurement(as(who), published.indicator.id, { date: nextDate(), value: "62,5" }),
        updateMeasurement: prepared({
          prepare: measurement,
          run: (who, m) => strategies().updateMeasurement(as(who), m.id, { value: "63", note: `Korjannut ${who}` }),
        }),
        deleteMeasurement: prepared({
          prepare: measurement,
          run: (who, m) => strategies().deleteMeasurement(as(who), m.id),
        }),
      },
    },
    { visitors, signedOut },
  );
});
