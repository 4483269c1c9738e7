import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../test/support/server.ts";
import { seedDemoPublishing } from "./publishing.ts";

describe("demo blog (seed 004)", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    const { caller } = await personCaller(app, "admin", "Demo Admin");
    if (!caller.actor) throw new Error("no actor");
    await seedDemoPublishing(app.database.db, caller.actor);
  });
  afterAll(() => app.close());

  it("publishes the seed's blog titles dated 2016–2018, with tags, authors' organisations and roles, and the office", async () => {
    const anonymous = { actor: null, locale: "fi" as const };
    const page = await app.platform.services.publishingPosts.listPublished(anonymous, { limit: 50 });
    expect(page.items).toHaveLength(12);
    const titles = page.items.map((r) => r.post.title);
    expect(titles[0]).toBe("Allianssilla hyvää palvelua saumattomasti");
    expect(titles).toContain("100 päivää maakuntajohtajana – ”Kymenlaakso 2.0”");
    for (const { post, author } of page.items) {
      const year = post.publishAt?.getUTCFullYear() ?? 0;
      expect(year).toBeGreaterThanOrEqual(2016);
      expect(year).toBeLessThanOrEqual(2018);
      expect(post.tags.length).toBeGreaterThan(0);
      expect(author.organisation).not.toBe("");
      expect(author.title).not.toBe("");
    }
    const archive = await app.platform.services.publishingPosts.archive(anonymous);
    expect(archive.map((m) => m.year)).toEqual(expect.arrayContaining([2016, 2017, 2018]));
    expect((await app.platform.services.office.get()).openingHours.fi).toContain("9–15");
    const found = await app.platform.services.siteSearch.search(anonymous, { q: "allianssi" });
    expect(found.hits[0]?.title).toBe("Allianssilla hyvää palvelua saumattomasti");
  });
});
