import { afterAll, beforeAll, describe } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { expectPolicyDecides, type Who } from "../../../test/support/policy-matrix.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { publishingPolicy } from "./policy.ts";
import { postFor } from "./test-fixture.ts";

const visitors: Who[] = ["anonymous", "member", "staff", "admin", "auditor"];

describe("publishing policy, through the real service calls", () => {
  let app: TestApp;
  const callers = {} as Record<Who, Caller>;
  const ids = { draft: "", published: "", slug: "" };
  const services = () => app.platform.services;

  beforeAll(async () => {
    app = await startTestApp();
    callers.anonymous = { actor: null, locale: "fi" };
    for (const role of ["member", "staff", "admin", "auditor"] as const)
      callers[role] = (await personCaller(app, role)).caller;
    ids.draft = (await services().publishingPosts.create(callers.staff, postFor())).post.id;
    const published = await services().publishingPosts.create(callers.staff, postFor());
    await services().publishingPosts.publish(callers.staff, published.post.id);
    ids.published = published.post.id;
    ids.slug = published.post.slug;
  });
  afterAll(() => app.close());

  expectPolicyDecides(
    publishingPolicy,
    {
      readPublished: ["anonymous", "member", "staff", "admin", "auditor"],
      readDrafts: ["staff", "admin", "auditor"],
      writePosts: ["staff", "admin"],
      manageOffice: ["admin"],
    },
    {
      readPublished: {
        listPublished: (who) => services().publishingPosts.listPublished(callers[who]),
        getBySlug: (who) => services().publishingPosts.getBySlug(callers[who], ids.slug),
        tags: (who) => services().publishingPosts.tags(callers[who]),
        archive: (who) => services().publishingPosts.archive(callers[who]),
      },
      readDrafts: {
        listAll: (who) => services().publishingPosts.listAll(callers[who]),
        getById: (who) => services().publishingPosts.getById(callers[who], ids.draft),
        revisions: (who) => services().publishingPosts.revisions(callers[who], ids.draft),
      },
      writePosts: {
        create: (who) => services().publishingPosts.create(callers[who], postFor()),
        update: (who) => services().publishingPosts.update(callers[who], ids.draft, { summary: `${who}` }),
        publish: (who) => services().publishingPosts.publish(callers[who], ids.published),
        unpublish: async (who) => {
          const { post } = await services().publishingPosts.create(callers.staff, postFor());
          return services().publishingPosts.unpublish(callers[who], post.id);
        },
        uploadCover: (who) =>
          services()
            .postCovers.upload(callers[who], null)
            // Past the policy, a missing file is the next refusal: the call was allowed.
            .catch((error: { code?: string }) => {
              if (error.code === "VALIDATION_FAILED") return null;
              throw error;
            }),
      },
      manageOffice: {
        set: (who) =>
          services().office.set(callers[who], {
            name: "Muutostoimisto",
            openingHours: { fi: "Ma–pe 9–15", sv: "Mån–fre 9–15", en: "Mon–Fri 9–15" },
          }),
      },
    },
    { visitors },
  );
});
