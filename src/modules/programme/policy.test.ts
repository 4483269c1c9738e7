import { afterAll, beforeAll, describe } from "vitest";
import {
  type GroupFixture,
  type GroupVisitor,
  groupFixture,
  groupVisitors,
  prepared,
  signedOutGroupVisitors,
} from "../../../test/support/group-visitors.ts";
import { expectRulesDecide } from "../../../test/support/policy-matrix.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { programmePolicy } from "./policy.ts";

/** Every programme action, made through the real service as each kind of visitor (a group role changes nothing). */
describe("programme policy", () => {
  let app: TestApp;
  let f: GroupFixture;
  let phaseId = "";
  const timeline = () => app.platform.services.timeline;
  const as = (who: GroupVisitor) => f.callers[who];
  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
    phaseId = (await timeline().get(as("admin"))).phases[0]?.id ?? "";
  });
  afterAll(() => app.close());

  expectRulesDecide(
    [programmePolicy],
    {
      readTimeline: ["member", "groupMember", "convener", "staff", "admin"],
      manageTimeline: ["staff", "admin"],
    },
    {
      readTimeline: { get: (who) => timeline().get(as(who)) },
      manageTimeline: {
        createPhase: (who) => timeline().createPhase(as(who), { name: { fi: `Vaihe ${who}` } }),
        updatePhase: (who) =>
          timeline().updatePhase(as(who), phaseId, { name: { fi: "Esivalmistelu" }, startsOn: "2017-02-01" }),
        addMilestone: (who) => timeline().addMilestone(as(who), { title: `Välitavoite ${who}`, dueOn: "2017-05-01" }),
        removeMilestone: prepared({
          prepare: async () => {
            await timeline().addMilestone(as("admin"), { title: "Poistettava", dueOn: "2017-05-02" });
            return (await timeline().get(as("admin"))).entries.find((e) => e.kind === "milestone")?.id ?? "";
          },
          run: (who, id) => timeline().removeMilestone(as(who), id),
        }),
      },
    },
    { visitors: groupVisitors, signedOut: signedOutGroupVisitors },
  );
});
