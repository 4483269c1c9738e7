import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import { createPerson } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import type { Database } from "../../db/client.ts";
import { WallHub } from "./hub.ts";
import { createPostService } from "./posts.ts";
import { presentPost } from "./presenters.ts";
import { wallEvents, wallPosts } from "./schema.ts";
import { createWallService } from "./service.ts";
import type { WallViewer } from "./viewer.ts";

/** A post's Markdown is rendered once, when it is written: reads and the stream use what was stored. */
describe("a post's rendered body", () => {
  let database: Database;
  let staff: Caller;
  beforeAll(async () => {
    database = await openTestDatabase();
    const person = await createPerson(database, "staff");
    staff = { actor: { id: person.id, name: person.name, email: person.email, role: "staff" }, locale: "fi" };
  });
  afterAll(() => database.close());
  const hub = () =>
    new WallHub(
      async () => [],
      () => {},
    );
  const author: WallViewer = {
    actor: null,
    locale: "fi",
    participantHash: "author",
    addressHash: "address",
    hasJoinCode: () => true,
  };
  const stored = async (id: string) =>
    (await database.db.select().from(wallPosts).where(eq(wallPosts.id, id)))[0] ?? null;

  it("is stored with the post, replaced by an edit, emptied by a delete, and is what the log carries", async () => {
    const walls = createWallService({ db: database.db, hub: hub() });
    const posts = createPostService({ db: database.db, hub: hub() });
    const wall = await walls.create(staff, { title: "Seinä" });
    const { post } = await posts.create(author, wall.id, { body: "**Tärkeä** asia", idempotencyKey: "stored-one" });
    expect(post.html).toBe("<p><strong>Tärkeä</strong> asia</p>");
    expect((await stored(post.id))?.bodyHtml).toBe(post.html);

    const retried = await posts.create(author, wall.id, { body: "**Tärkeä** asia", idempotencyKey: "stored-one" });
    expect(retried).toMatchObject({ created: false, post: { id: post.id, html: post.html } });

    const edited = await posts.edit(author, post.id, { body: "_toinen_" });
    expect(edited.html).toBe("<p><em>toinen</em></p>");
    expect((await stored(post.id))?.bodyHtml).toBe(edited.html);
    const log = await database.db.select().from(wallEvents).where(eq(wallEvents.wallId, wall.id));
    expect(log.map((entry) => entry.seq)).toEqual([1, 2]);
    expect(JSON.stringify(log.at(-1)?.publicPayload)).toContain("<em>toinen</em>");

    await posts.remove(author, post.id);
    expect((await stored(post.id))?.bodyHtml).toBe("");
  });

  it("is rendered on read for a row written before it was stored", async () => {
    const walls = createWallService({ db: database.db, hub: hub() });
    const posts = createPostService({ db: database.db, hub: hub() });
    const wall = await walls.create(staff, { title: "Vanha seinä" });
    const { post } = await posts.create(author, wall.id, { body: "*vanha*", idempotencyKey: "stored-old" });
    await database.db.update(wallPosts).set({ bodyHtml: null }).where(eq(wallPosts.id, post.id));
    const row = await stored(post.id);
    expect(row && presentPost(row).html).toBe("<p><em>vanha</em></p>");
  });
});
