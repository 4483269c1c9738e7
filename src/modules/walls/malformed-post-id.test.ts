import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import type { Database } from "../../db/client.ts";
import { WallHub } from "./hub.ts";
import { createPostService } from "./posts.ts";
import type { WallViewer } from "./viewer.ts";

/** A post id that is no id (the wall form's empty field, a mangled URL) finds no post: never a database error. */
describe("a malformed post id", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());
  const viewer: WallViewer = {
    actor: null,
    locale: "fi",
    participantHash: "someone",
    addressHash: "address",
    hasJoinCode: () => true,
  };

  it.each(["", "abc", "00000000-0000-0000-0000-00000000000g", "1; drop table wall_posts"])(
    "%j is not found by react, remove, report, edit and moderate",
    async (id) => {
      const posts = createPostService({
        db: database.db,
        hub: new WallHub(
          async () => [],
          () => {},
        ),
      });
      const notFound = { code: "NOT_FOUND" };
      await expect(posts.react(viewer, id, { kind: "like" })).rejects.toMatchObject(notFound);
      await expect(posts.remove(viewer, id)).rejects.toMatchObject(notFound);
      await expect(posts.report(viewer, id, {})).rejects.toMatchObject(notFound);
      await expect(posts.edit(viewer, id, { body: "x" })).rejects.toMatchObject(notFound);
      await expect(posts.moderate(viewer, id, { action: "hide" })).rejects.toMatchObject(notFound);
    },
  );
});
