import { afterAll, beforeAll, describe } from "vitest";
import {
  type GroupFixture,
  type GroupVisitor,
  groupFixture,
  groupVisitors,
  signedOutGroupVisitors,
} from "../../../test/support/group-visitors.ts";
import { expectRulesDecide } from "../../../test/support/policy-matrix.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { templatesPolicy } from "./policy.ts";

/** Every templates action, made through the real service as each kind of visitor (a group role changes nothing). */
describe("templates policy", () => {
  let app: TestApp;
  let f: GroupFixture;
  let templateId = "";
  const templates = () => app.platform.services.deliverableTemplates;
  const as = (who: GroupVisitor) => f.callers[who];
  const input = (who: GroupVisitor) => ({ name: { fi: `Pohja ${who}` }, sections: [{ title: { fi: "Tavoite" } }] });
  beforeAll(async () => {
    app = await startTestApp();
    f = await groupFixture(app);
    templateId = (await templates().create(as("admin"), input("admin"))).id;
  });
  afterAll(() => app.close());

  expectRulesDecide(
    [templatesPolicy],
    {
      readTemplates: ["member", "groupMember", "convener", "staff", "admin"],
      manageTemplates: ["admin"],
    },
    {
      readTemplates: {
        list: (who) => templates().list(as(who)),
        get: (who) => templates().get(as(who), templateId),
      },
      manageTemplates: {
        create: (who) => templates().create(as(who), input(who)),
        update: (who) => templates().update(as(who), templateId, input(who)),
      },
    },
    { visitors: groupVisitors, signedOut: signedOutGroupVisitors },
  );
});
