import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { users } from "../accounts/schema.ts";
import { organisations } from "../people/schema.ts";
import { maxListedTags } from "./constants.ts";
import { presentPost } from "./presenters.ts";
import { posts } from "./schema.ts";
import { postFor, refusal } from "./test-fixture.ts";

describe("posts", () => {
  let app: TestApp;
  let staff: Caller;
  const anonymous: Caller = { actor: null, locale: "fi" };
  const service = () => app.platform.services.publishingPosts;

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff")).caller;
  });
  afterAll(() => app.close());

  it("keeps a draft private, publishes it at a stable slug, and audits each step", async () => {
    const draft = await service().create(staff, postFor({ title: "Kasvua ja töitä – Satu Mäkelän blogi" }));
    expect(draft.post.slug).toBe("kasvua-ja-toita-satu-makelan-blogi");
    expect(draft.post.status).toBe("draft");
    await expect(service().getBySlug(anonymous, draft.post.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await service().listPublished(anonymous)).items.map((r) => r.post.id)).not.toContain(draft.post.id);
    expect(await service().publishedByIds([draft.post.id])).toEqual([]);

    const published = await service().publish(staff, draft.post.id);
    expect(published.post.status).toBe("published");
    const read = await service().getBySlug(anonymous, draft.post.slug);
    expect(presentPost(read)).toMatchObject({
      path: "/blog/kasvua-ja-toita-satu-makelan-blogi",
      author: { name: "Satu Mäkelä", organisation: "Kaakkois-Suomen ELY-keskus" },
      correctedAt: null,
    });
    expect(presentPost(read).bodyHtml).toContain("<strong>allianssimallia</strong>");
    expect(presentPost(read)).not.toHaveProperty("body");
    expect((await service().publishedByIds([draft.post.id], "fi")).map((p) => p.id)).toEqual([draft.post.id]);
    expect(await service().publishedByIds([draft.post.id], "sv")).toEqual([]);
    await expectAudited(app.database.db, {
      module: "publishing",
      action: "post.create",
      targetId: draft.post.id,
      actorId: staff.actor?.id,
    });
    await expectAudited(app.database.db, {
      module: "publishing",
      action: "post.publish",
      targetId: draft.post.id,
      actorId: staff.actor?.id,
    });

    // A second post of the same title gets a slug of its own.
    const twin = await service().create(staff, postFor({ title: "Kasvua ja töitä – Satu Mäkelän blogi" }));
    expect(twin.post.slug).toBe("kasvua-ja-toita-satu-makelan-blogi-2");
  });

  it("keeps a correction's history, the slug and the URL, and says when it was updated", async () => {
    const { post } = await service().publish(staff, (await service().create(staff, postFor())).post.id);
    const corrected = await service().update(staff, post.id, { title: "Korjattu otsikko", body: "Uusi teksti." });
    expect(corrected.post.slug).toBe(post.slug);
    expect(corrected.post.revision).toBe(2);
    expect(corrected.post.correctedAt).not.toBeNull();
    expect(presentPost(corrected).correctedAt).toBe(corrected.post.correctedAt?.toISOString());
    const history = await service().revisions(staff, post.id);
    expect(history).toHaveLength(1);
    expect(history[0]?.content).toMatchObject({ title: post.title, body: post.body });
    await expectAudited(app.database.db, { module: "publishing", action: "post.correct", targetId: post.id });
    // A draft's edit is not a correction.
    const draft = await service().create(staff, postFor());
    expect((await service().update(staff, draft.post.id, { summary: "Toinen" })).post.correctedAt).toBeNull();
  });

  it("shows a person author with their organisation and title as they are now", async () => {
    const [ely] = await app.database.db
      .insert(organisations)
      .values({ name: "Kaakkois-Suomen ELY-keskus (testi)", kind: "ely_centre" })
      .returning();
    const { person } = await personCaller(app, "member", "Leena Gunnar");
    await app.database.db
      .update(users)
      .set({ title: "Ylijohtaja", organisationId: ely?.id })
      .where(eq(users.id, person.id));
    const record = await service().create(staff, postFor({ authorPersonId: person.id, authorName: "" }));
    expect(record.author).toEqual({
      personId: person.id,
      name: "Leena Gunnar",
      organisation: "Kaakkois-Suomen ELY-keskus (testi)",
      title: "Ylijohtaja",
    });
    await refusal(
      service().create(staff, postFor({ authorPersonId: "no-such-person", authorName: "" })),
      "authorPersonId",
    );
  });

  it("refuses bad input with a translated message naming the field, and changes nothing", async () => {
    const before = (await app.database.db.select({ id: posts.id }).from(posts)).length;
    expect(
      await refusal(service().create(staff, postFor({ body: "Kuva: ![](https://example.org/a.png)" })), "body"),
    ).toBe("Jokaisella kuvalla pitää olla vaihtoehtoinen teksti: ![kuvaus](osoite).");
    await refusal(service().create(staff, postFor({ authorName: "" })), "authorName");
    await refusal(service().create(staff, postFor({ tags: ["Iso Kirjain!"] })), "tags");
    await refusal(service().create(staff, postFor({ coverFileId: crypto.randomUUID(), coverAlt: "" })), "coverAlt");
    await refusal(
      service().create(staff, postFor({ coverFileId: crypto.randomUUID(), coverAlt: "Kuva" })),
      "coverFileId",
    );
    expect(
      await refusal(
        service().create({ ...staff, locale: "en" }, postFor({ body: "![ ](https://example.org/a.png)" })),
        "body",
      ),
    ).toBe("Every image needs its alternative text: ![description](address).");
    expect((await app.database.db.select({ id: posts.id }).from(posts)).length).toBe(before);

    const draft = await service().create(staff, postFor());
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect(await refusal(service().publish(staff, draft.post.id, { publishAt: past }), "publishAt")).toBe(
      "Julkaisuaika on jo mennyt. Valitse tuleva aika tai julkaise heti.",
    );
    expect((await service().getById(staff, draft.post.id)).post.status).toBe("draft");
  });

  it("renders images with their alternative text and no raw HTML", async () => {
    const record = await service().create(
      staff,
      postFor({
        body: '![Kymijoki syksyllä](https://example.org/kymi.jpg)\n\n<script>alert(1)</script> <img src=x onerror="y">',
      }),
    );
    const html = presentPost(record).bodyHtml;
    expect(html).toContain('<img src="https://example.org/kymi.jpg" alt="Kymijoki syksyllä" />');
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;img src=x");
    expect(html.match(/<img /g)).toHaveLength(1);
  });

  it("publishes a scheduled post at its time through the job queue", async () => {
    const draft = await service().create(staff, postFor());
    const at = new Date(Date.now() + 1500);
    const scheduled = await service().publish(staff, draft.post.id, { publishAt: at.toISOString() });
    expect(scheduled.post.status).toBe("scheduled");
    await expectAudited(app.database.db, { module: "publishing", action: "post.schedule", targetId: draft.post.id });
    await expect(service().getBySlug(anonymous, draft.post.slug)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const until = Date.now() + 20_000;
    let status = "scheduled";
    while (status !== "published" && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await service().getById(staff, draft.post.id)).post.status;
    }
    expect(status).toBe("published");
    expect((await service().getBySlug(anonymous, draft.post.slug)).post.id).toBe(draft.post.id);
    // The job's write is the workspace's own: audited with no actor.
    await expectAudited(app.database.db, {
      module: "publishing",
      action: "post.publish",
      targetId: draft.post.id,
      actorId: null,
    });
  });

  it("does not publish a scheduled post that went back to a draft", async () => {
    const draft = await service().create(staff, postFor());
    await service().publish(staff, draft.post.id, { publishAt: new Date(Date.now() + 60_000).toISOString() });
    await service().unpublish(staff, draft.post.id);
    await app.database.db
      .update(posts)
      .set({ publishAt: new Date(Date.now() - 1000) })
      .where(eq(posts.id, draft.post.id));
    expect(await service().publishDue()).toBe(0);
    expect((await service().getById(staff, draft.post.id)).post.status).toBe("draft");
  });

  it("lists by tag, language, year and month, and counts the archive", async () => {
    const a = await service().create(staff, postFor({ tags: ["sote"], locale: "sv", title: "Vårdreformen" }));
    await service().publish(staff, a.post.id);
    const bySv = await service().listPublished(anonymous, { locale: "sv" });
    expect(bySv.items.map((r) => r.post.id)).toEqual([a.post.id]);
    const byTag = await service().listPublished(anonymous, { tag: "sote" });
    expect(byTag.items.map((r) => r.post.id)).toEqual([a.post.id]);
    const now = new Date();
    const thisMonth = await service().listPublished(anonymous, {
      year: now.getUTCFullYear(),
      month: now.getUTCMonth() + 1,
    });
    expect(thisMonth.items.length).toBeGreaterThan(0);
    expect(await service().tagExists("sote")).toBe(true);
    expect(await service().tagExists("ei-ole")).toBe(false);
    expect((await service().tags(anonymous)).find((t) => t.tag === "sote")).toEqual({ tag: "sote", count: 1 });
    expect((await service().archive(anonymous))[0]?.count).toBeGreaterThan(0);
    // Paged with the cursor: two pages of one.
    const first = await service().listPublished(anonymous, { limit: 1 });
    const second = await service().listPublished(anonymous, { limit: 1, cursor: first.nextCursor ?? "" });
    expect(second.items[0]?.post.id).not.toBe(first.items[0]?.post.id);
  });

  it("lists only the most used tags, A–Z, however many distinct tags there are", async () => {
    // Seven posts of twenty tags each: 115 distinct tags, "yhteinen" on all seven, "toinen-1" … "toinen-19" on two.
    for (let i = 0; i < 7; i++) {
      const tags = [
        "yhteinen",
        ...Array.from({ length: 19 }, (_, j) => (i < 2 ? `toinen-${j + 1}` : `tunniste-${i}-${j + 1}`)),
      ];
      const { post } = await service().create(staff, postFor({ tags, title: `Monta aihetta ${i}` }));
      await service().publish(staff, post.id);
    }
    const listed = await service().tags(anonymous);
    expect(listed).toHaveLength(maxListedTags);
    expect(listed.find((t) => t.tag === "yhteinen")).toEqual({ tag: "yhteinen", count: 7 });
    expect(listed.find((t) => t.tag === "toinen-19")).toEqual({ tag: "toinen-19", count: 2 });
    expect(listed.map((t) => t.tag)).toEqual(listed.map((t) => t.tag).sort((a, b) => a.localeCompare(b, "fi")));
  });
});
