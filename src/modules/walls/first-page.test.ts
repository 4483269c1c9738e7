import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import { createPerson } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import type { Database } from "../../db/client.ts";
import { createChangeLoader } from "./change-log.ts";
import { createFirstPageCache, type FirstPageCache } from "./first-page.ts";
import { WallHub } from "./hub.ts";
import { createPostService } from "./posts.ts";
import { livePost } from "./presenters.ts";
import { createWallService } from "./service.ts";
import type { WallViewer } from "./viewer.ts";

/**
 * Issue 13 point 2: the first page of a wall's posts comes from a copy per audience, kept current from
 * the change log. Whatever happens on the wall, the copy's page is the page the database gives (the same
 * posts, `mine` flags, cursor and seq), for the public, a writer and a moderator. A small page (3 posts)
 * so the copy's window slides, runs short and is read again.
 */
describe("a wall's first page from its copy", () => {
  let database: Database;
  let staff: Caller;
  let counting = false;
  const queries: string[] = [];
  let firstPages: FirstPageCache;
  let walls: ReturnType<typeof createWallService>;
  let posts: ReturnType<typeof createPostService>;

  beforeAll(async () => {
    database = await openTestDatabase({ onQuery: (q) => counting && queries.push(q) });
    const person = await createPerson(database, "staff");
    staff = { actor: { id: person.id, name: person.name, email: person.email, role: "staff" }, locale: "fi" };
    const hub = new WallHub(createChangeLoader(database.db), (error) => {
      throw error;
    });
    firstPages = createFirstPageCache({ db: database.db, hub, pageRows: 3 });
    walls = createWallService({ db: database.db, hub, firstPages });
    posts = createPostService({
      db: database.db,
      hub,
      limits: {
        postsPerParticipant: 1000,
        postsPerAddress: 1000,
        reactionsPerParticipant: 1000,
        reactionsPerAddress: 1000,
      },
    });
    // Starting a database on a machine shared by many test runs can take a while.
  }, 180_000);
  afterAll(() => database.close());

  const viewer = (participantHash: string | null, actor: Caller["actor"] = null): WallViewer => ({
    actor,
    locale: "fi",
    participantHash,
    addressHash: "address",
    hasJoinCode: () => true,
  });
  const fromDatabase = async (who: WallViewer, wallId: string, query: { limit: number; cursor?: string }) => {
    const page = await walls.posts(who, wallId, query);
    return { ...page, posts: page.posts.map((p) => ({ ...livePost(p), mine: p.mine })) };
  };
  /** The copy follows the log as the hub dispatches it, right after each commit: it agrees within moments. */
  const agrees = async (wallId: string, who: WallViewer[]) => {
    for (const v of who) {
      const deadline = Date.now() + 3000;
      for (;;) {
        const [copied, read] = [
          await walls.readerPosts(v, wallId, { limit: 3 }),
          await fromDatabase(v, wallId, { limit: 3 }),
        ];
        if (isDeepStrictEqual(copied, read)) {
          // The next page from the copy's cursor is the database's next page.
          if (copied.nextCursor)
            expect(await walls.readerPosts(v, wallId, { limit: 3, cursor: copied.nextCursor })).toEqual(
              await fromDatabase(v, wallId, { limit: 3, cursor: copied.nextCursor }),
            );
          break;
        }
        if (Date.now() > deadline) expect(copied).toEqual(read);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  };

  it("gives the database's page through posts, edits, likes, hiding, pinning and deleting", async () => {
    const wall = await walls.create(staff, { title: "Kopio" });
    const writer = viewer("writer-1");
    const reader = viewer("reader-1");
    const moderator = viewer(null, staff.actor);
    const everyone = [viewer(null), writer, reader, moderator];
    const made: string[] = [];
    const post = async (body: string, who = writer) =>
      made.push((await posts.create(who, wall.id, { body, idempotencyKey: `first-page-${made.length}` })).post.id);
    for (const text of ["yksi", "kaksi", "kolme", "neljä", "viisi"]) await post(text);
    await agrees(wall.id, everyone);
    expect(firstPages.size()).toBe(1);

    // Read from the copy: the wall's one query (wall and sections), no posts read again.
    queries.length = 0;
    counting = true;
    const copied = await walls.readerPosts(reader, wall.id, { limit: 3 });
    counting = false;
    expect(queries).toHaveLength(1);
    expect(copied.posts.map((p) => p.html)).toEqual(["<p>viisi</p>", "<p>neljä</p>", "<p>kolme</p>"]);
    expect(copied.posts[0]).not.toHaveProperty("body");

    await post("kuusi", reader);
    await agrees(wall.id, everyone);
    const [newest, second] = [made[5] ?? "", made[4] ?? ""];
    await posts.edit(writer, second, { body: "viisi, **korjattu**" });
    await agrees(wall.id, everyone);
    expect((await walls.readerPosts(reader, wall.id, { limit: 3 })).posts[1]?.html).toContain(
      "<strong>korjattu</strong>",
    );
    await posts.react(writer, newest, { kind: "like" });
    await agrees(wall.id, everyone);

    // Hidden: gone for the public (the copy runs short of a page and is read again), kept for moderators.
    await posts.moderate(moderator, newest, { action: "hide" });
    await agrees(wall.id, everyone);
    // Its writer sees their own hidden post: answered from the database, the same page.
    expect((await walls.readerPosts(reader, wall.id, { limit: 3 })).posts.map((p) => p.id)).toContain(newest);
    expect((await walls.readerPosts(viewer(null), wall.id, { limit: 3 })).posts.map((p) => p.id)).not.toContain(newest);

    await posts.moderate(moderator, made[0] ?? "", { action: "pin", on: true });
    await agrees(wall.id, everyone);
    await posts.moderate(moderator, newest, { action: "approve" });
    await agrees(wall.id, everyone);
    await posts.remove(writer, second);
    await agrees(wall.id, everyone);
    for (const text of ["seitsemän", "kahdeksan"]) await post(text);
    await agrees(wall.id, everyone);
    // A deleted post's text is nowhere in any audience's page.
    for (const v of everyone)
      expect(JSON.stringify(await walls.readerPosts(v, wall.id, { limit: 3 }))).not.toContain("korjattu");
  });

  it("keeps a short wall whole and a post held for approval to its writer and the moderators", async () => {
    const wall = await walls.create(staff, { title: "Esimoderoitu", moderation: "pre" });
    const writer = viewer("writer-2");
    const moderator = viewer(null, staff.actor);
    const everyone = [viewer(null), writer, viewer("reader-2"), moderator];
    await agrees(wall.id, everyone);
    const held = (await posts.create(writer, wall.id, { body: "odottaa", idempotencyKey: "held-post-1" })).post.id;
    await agrees(wall.id, everyone);
    expect((await walls.readerPosts(viewer(null), wall.id, { limit: 3 })).posts).toEqual([]);
    expect((await walls.readerPosts(writer, wall.id, { limit: 3 })).posts.map((p) => p.id)).toEqual([held]);
    await posts.moderate(moderator, held, { action: "approve" });
    await agrees(wall.id, everyone);
    expect((await walls.readerPosts(viewer(null), wall.id, { limit: 3 })).posts.map((p) => p.id)).toEqual([held]);
  });
});
