import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import { createPerson } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import type { Database } from "../../db/client.ts";
import { WallHub } from "./hub.ts";
import { createPostService } from "./posts.ts";
import { createWallService } from "./service.ts";
import type { WallViewer } from "./viewer.ts";

/** The wall page shows a browser's own likes and votes pressed, and pressing again takes them back. */
describe("a participant's own reactions", () => {
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
  const viewer = (participantHash: string | null, hasJoinCode = true): WallViewer => ({
    actor: null,
    locale: "fi",
    participantHash,
    addressHash: "address",
    hasJoinCode: () => hasJoinCode,
  });

  it("lists only this viewer's likes and votes on this wall, and none after they are taken back", async () => {
    const walls = createWallService({ db: database.db, hub: hub() });
    const posts = createPostService({ db: database.db, hub: hub() });
    const wall = await walls.create(staff, { title: "Seinä" });
    const other = await walls.create(staff, { title: "Toinen seinä" });
    const { post: question } = await posts.create(viewer("author"), wall.id, {
      kind: "question",
      body: "Kysymys",
      idempotencyKey: "question-1",
    });
    const { post: comment } = await posts.create(viewer("author"), wall.id, {
      body: "Kommentti",
      idempotencyKey: "comment-1",
    });
    const { post: elsewhere } = await posts.create(viewer("author"), other.id, {
      body: "Muualla",
      idempotencyKey: "elsewhere",
    });

    await posts.react(viewer("me"), question.id, { kind: "like" });
    await posts.react(viewer("me"), question.id, { kind: "upvote" });
    await posts.react(viewer("me"), elsewhere.id, { kind: "like" });
    await posts.react(viewer("someone-else"), comment.id, { kind: "like" });

    expect(await posts.myReactions(viewer("me"), wall.id)).toEqual({ like: [question.id], upvote: [question.id] });
    expect(await posts.myReactions(viewer(null), wall.id)).toEqual({ like: [], upvote: [] });

    expect(await posts.react(viewer("me"), question.id, { kind: "like", on: false })).toEqual({ likes: 0, votes: 1 });
    expect(await posts.react(viewer("me"), question.id, { kind: "upvote", on: "false" })).toEqual({
      likes: 0,
      votes: 0,
    });
    expect(await posts.myReactions(viewer("me"), wall.id)).toEqual({ like: [], upvote: [] });
  });

  it("is refused to a viewer who may not open the wall", async () => {
    const walls = createWallService({ db: database.db, hub: hub() });
    const posts = createPostService({ db: database.db, hub: hub() });
    const wall = await walls.create(staff, { title: "Koodiseinä", access: "join_code", joinCode: "KOODI-1" });
    await expect(posts.myReactions(viewer("me", false), wall.id)).rejects.toMatchObject({
      code: "JOIN_CODE_REQUIRED",
    });
  });
});
