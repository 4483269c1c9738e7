import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { personCaller } from "../../../test/support/person-caller.ts";
import { api, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { deliverableSections, deliverables } from "../deliverables/schema.ts";
import { events } from "../events/schema.ts";
import { workingGroups } from "../groups/schema.ts";
import { wallPosts, walls } from "../walls/schema.ts";
import { queryText, snippetHtml } from "./search.ts";
import { postFor } from "./test-fixture.ts";

// Other modules' rows are put straight into their tables: the search reads them, and how they are written is
// those modules' own business (and tests).
describe("search", () => {
  let app: TestApp;
  let staff: Caller;
  const anonymous: Caller = { actor: null, locale: "fi" };
  const search = (q: string) => app.platform.services.siteSearch.search(anonymous, { q });

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff")).caller;
    const posts = app.platform.services.publishingPosts;
    const publish = async (input: ReturnType<typeof postFor>) => {
      const { post } = await posts.create(staff, input);
      await posts.publish(staff, post.id);
    };
    await publish(
      postFor({
        title: "Allianssilla hyvää palvelua saumattomasti",
        summary: "Kasvupalvelut ja kunnat.",
        body: "Päällekkäisyyksien välttämiseksi on ehdotettu <script>x</script> allianssimallia <b>y</b>.",
      }),
    );
    await publish(
      postFor({
        title: "Vårdreformen i Kymmenedalen",
        locale: "sv",
        summary: "Om landskapen.",
        body: "Landskapen ordnar social- och hälsovården.",
        tags: [],
      }),
    );
    await publish(
      postFor({
        title: "Growth services",
        locale: "en",
        summary: "Services.",
        body: "The regions are organising growth services.",
      }),
    );
    const draft = await posts.create(staff, postFor({ title: "Luonnos allianssista", body: "allianssimalli luonnos" }));
    expect(draft.post.status).toBe("draft");
    const db = app.database.db;
    const day = new Date(Date.now() + 7 * 86_400_000);
    await db.insert(events).values([
      {
        slug: "allianssi-ilta",
        title: "Allianssi-ilta",
        description: "Keskustellaan allianssimallista.",
        startsAt: day,
        endsAt: day,
        joinCode: "A1",
      },
      {
        slug: "sisainen",
        title: "Sisäinen allianssipalaveri",
        startsAt: day,
        endsAt: day,
        joinCode: "A2",
        isPublic: false,
      },
    ]);
    const [open] = await db.insert(walls).values({ slug: "avoin", title: "Avoin seinä", access: "link" }).returning();
    const [closed] = await db
      .insert(walls)
      .values({ slug: "jasenet", title: "Jäsenten seinä", access: "members" })
      .returning();
    for (const wall of [open, closed])
      await db.insert(wallPosts).values({
        wallId: wall?.id ?? "",
        body: `Allianssimallit toimivat seinällä ${wall?.slug}`,
        participantHash: "p",
        idempotencyKey: `k-${wall?.slug}`,
      });
    const [group] = await db.insert(workingGroups).values({ slug: "kasvu", name: "Kasvu", isPublic: true }).returning();
    const [published] = await db
      .insert(deliverables)
      .values({ groupId: group?.id ?? "", title: "Toimintamallin kuvaus", isPublic: true })
      .returning();
    await db.insert(deliverableSections).values({
      deliverableId: published?.id ?? "",
      position: 1,
      title: "Yhteistyö",
      body: "Kunnat ja maakunta muodostavat allianssin.",
    });
    await db.insert(deliverables).values({ groupId: group?.id ?? "", title: "Allianssin luonnos", isPublic: false });
  });
  afterAll(() => app.close());

  it('finds "allianssimallin" and other inflected forms with "allianssi", public content only', async () => {
    const { hits } = await search("allianssi");
    const titles = hits.map((h) => h.title);
    expect(titles).toContain("Allianssilla hyvää palvelua saumattomasti");
    expect(titles).toContain("Allianssi-ilta");
    expect(titles).toContain("Avoin seinä");
    expect(titles).toContain("Toimintamallin kuvaus");
    expect(titles).not.toContain("Luonnos allianssista");
    expect(titles).not.toContain("Sisäinen allianssipalaveri");
    expect(titles).not.toContain("Jäsenten seinä");
    expect(titles).not.toContain("Allianssin luonnos");
    expect(hits.map((h) => h.kind).sort()).toEqual(["deliverable", "event", "post", "wallPost"]);
    // Ranked: best first.
    const ranks = hits.map((h) => h.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    const post = hits.find((h) => h.kind === "post");
    expect(post?.path).toMatch(/^\/blog\/allianssilla-hyvaa-palvelua-saumattomasti/);
    expect(post?.snippetHtml).toContain("<mark>allianssimallia</mark>");
    // The content's own markup never becomes markup: the only tags are the highlights.
    expect(post?.snippetHtml.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    // An inflected form of the query word finds the base form too.
    expect((await search("allianssilla")).hits.map((h) => h.title)).toContain(
      "Allianssilla hyvää palvelua saumattomasti",
    );
  });

  it("stems each post in its own language", async () => {
    expect((await search("landskapens")).hits.map((h) => h.title)).toEqual(["Vårdreformen i Kymmenedalen"]);
    expect((await search("organise")).hits.map((h) => h.title)).toEqual(["Growth services"]);
    expect((await search("palvelua kunnat")).hits.map((h) => h.title)).toEqual([
      "Allianssilla hyvää palvelua saumattomasti",
    ]);
  });

  it("treats the query as words, never as tsquery syntax", async () => {
    expect(queryText("allianssi & !(x | y):*")).toBe("allianssi:* & x:* & y:*");
    expect(queryText("  ")).toBeNull();
    expect((await search("')) ; drop table posts; --")).hits).toEqual([]);
    expect((await search("")).hits).toEqual([]);
    expect(snippetHtml("a \uE000b\uE001 <i>")).toBe("a <mark>b</mark> &lt;i&gt;");
  });

  it("answers over HTTP, and refuses an overlong query with a translated message", async () => {
    const found = await api(app, "/api/search?q=allianssi");
    expect(found.status).toBe(200);
    expect((found.json.hits as unknown[]).length).toBeGreaterThan(3);
    const long = await api(app, `/api/search?q=${"a".repeat(201)}`);
    expect(long.status).toBe(400);
    expect(long.json.issues).toEqual([{ path: "q", message: "Hakusanoja on liikaa." }]);
  });
});
