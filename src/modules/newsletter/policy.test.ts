import { afterAll, beforeAll, describe } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { expectPolicyDecides, type Who } from "../../../test/support/policy-matrix.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { createNewsletterKeys } from "./keys.ts";
import { newsletterPolicy } from "./policy.ts";
import { insertConfirmedSubscribers } from "./test-fixture.ts";

describe("newsletter policy, through the real service calls", () => {
  let app: TestApp;
  const callers = {} as Record<Who, Caller>;
  const ids = { draft: "" };
  const services = () => app.platform.services;
  let n = 0;
  const next = () => {
    n += 1;
    return n;
  };
  const newDraft = async () =>
    (
      await services().newsletterIssues.create(callers.staff, {
        subject: `N ${next()}`,
        introduction: "x",
        locale: "fi",
      })
    ).id;

  beforeAll(async () => {
    app = await startTestApp();
    callers.anonymous = { actor: null, locale: "fi" };
    for (const role of ["member", "staff", "admin"] as const) callers[role] = (await personCaller(app, role)).caller;
    ids.draft = await newDraft();
    await insertConfirmedSubscribers(app.database.db, 200, { prefix: "politiikka" });
  });
  afterAll(() => app.close());

  expectPolicyDecides(
    newsletterPolicy,
    {
      subscribe: ["anonymous", "member", "staff", "admin"],
      readArchive: ["anonymous", "member", "staff", "admin"],
      manageIssues: ["staff", "admin"],
      manageSubscribers: ["admin"],
    },
    {
      subscribe: {
        subscribe: (who) =>
          services().newsletterSubscribers.subscribe(callers[who], {
            email: `uusi-${next()}@example.test`,
            locale: "fi",
            consent: true,
          }),
        unsubscribe: (who) =>
          services().newsletterSubscribers.unsubscribe(callers[who], {
            token: createNewsletterKeys(app.platform.config.sessionSecret).unsubscribeToken(crypto.randomUUID()),
          }),
      },
      readArchive: {
        archive: (who) => services().newsletterIssues.archive(callers[who]),
      },
      manageIssues: {
        create: (who) =>
          services().newsletterIssues.create(callers[who], { subject: `S ${next()}`, introduction: "x", locale: "sv" }),
        update: (who) => services().newsletterIssues.update(callers[who], ids.draft, { subject: `P ${next()}` }),
        list: (who) => services().newsletterIssues.list(callers[who]),
        get: (who) => services().newsletterIssues.get(callers[who], ids.draft),
        preview: (who) => services().newsletterIssues.preview(callers[who], ids.draft),
        progress: (who) => services().newsletterIssues.progress(callers[who], ids.draft),
        send: async (who) => services().newsletterIssues.send(callers[who], await newDraft()),
      },
      manageSubscribers: {
        list: (who) => services().newsletterSubscribers.list(callers[who]),
        exportOne: (who) =>
          services().newsletterSubscribers.exportOne(callers[who], { email: "politiikka-0@example.test" }),
        eraseOne: async (who) =>
          services().newsletterSubscribers.eraseOne(callers[who], { email: `politiikka-${10 + next()}@example.test` }),
      },
    },
  );
});
