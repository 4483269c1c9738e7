import { readFileSync } from "node:fs";
import path from "node:path";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/support/database.ts";
import { type Database, migrationsFolder } from "../../db/client.ts";
import { createChangeLoader } from "./change-log.ts";
import type { OutgoingChange } from "./hub.ts";
import { wallEvents, wallPosts, walls } from "./schema.ts";

/**
 * drizzle/0005_safety.sql backfills wall_events.post_id and scrubs the history
 * a database already holds, the way the running code keeps it from now on. The
 * log below is what the code before it wrote: every version in full.
 */

/** The data statements of the migration (its UPDATEs), to run on a log written the old way. */
function dataStatements(): string[] {
  const file = readFileSync(path.join(migrationsFolder, "0005_safety.sql"), "utf8");
  return file
    .split("--> statement-breakpoint")
    .map((s) =>
      s
        .split("\n")
        .filter((line) => !line.trim().startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter((s) => s.startsWith("UPDATE"));
}

type Post = { id: string; body: string; status: string };

function replayState(changes: OutgoingChange[], moderator: boolean): string[] {
  const state = new Map<string, Post>();
  for (const change of changes) {
    const frame = moderator ? change.moderatorFrame : change.publicFrame;
    if (frame === null) continue;
    const data = JSON.parse(
      (typeof frame === "string" ? frame : Buffer.from(frame).toString("utf8"))
        .split("\n")
        .find((l) => l.startsWith("data: "))
        ?.slice(6) ?? "{}",
    );
    if (data.type === "post") state.set(data.post.id, data.post);
    if (data.type === "post.removed") state.delete(data.id);
  }
  return [...state.values()].map((p) => `${p.body}|${p.status}`).sort();
}

describe(`the change log's migration (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("names each entry's post and leaves no earlier, deleted or hidden text where it may not be", async () => {
    const { db } = database;
    const [wall] = await db.insert(walls).values({ slug: "vanha1", title: "Vanha loki", lastSeq: 11 }).returning();
    if (!wall) throw new Error("no wall");
    const post = async (body: string, extra: Partial<typeof wallPosts.$inferInsert> = {}) => {
      const [row] = await db
        .insert(wallPosts)
        .values({ wallId: wall.id, body, participantHash: "p", idempotencyKey: `k-${body}`, ...extra })
        .returning();
      if (!row) throw new Error("no post");
      return row.id;
    };
    const a = await post("A-LATEST");
    const b = await post("B-DELETEDTEXT", {
      title: "B-DELETEDTITLE",
      attachmentKind: "link",
      attachmentUrl: "https://example.test/B-DELETEDLINK",
      deletedAt: new Date(),
    });
    const c = await post("C-HIDDENTEXT", { status: "hidden" });
    const d = await post("D-REPORTED");
    const view = (id: string, body: string, status = "visible") => ({ type: "post", post: { id, body, status } });
    const removed = (id: string) => ({ type: "post.removed", id });
    const counts = (id: string) => ({ type: "reactions", id, likes: 1, votes: 0 });
    const legacy: [string, unknown, unknown][] = [
      ["post", view(a, "A-FIRSTVERSION"), view(a, "A-FIRSTVERSION")],
      ["post", view(a, "A-LATEST"), view(a, "A-LATEST")],
      ["post", view(b, "B-DELETEDTEXT"), view(b, "B-DELETEDTEXT")],
      ["reactions", counts(b), counts(b)],
      ["post", null, view(b, "B-DELETEDTEXT")],
      ["post.removed", removed(b), removed(b)],
      ["post", view(c, "C-HIDDENTEXT"), view(c, "C-HIDDENTEXT")],
      ["post", removed(c), view(c, "C-HIDDENTEXT", "hidden")],
      ["post", view(d, "D-REPORTED"), view(d, "D-REPORTED")],
      ["post", null, view(d, "D-REPORTED")],
      ["wall", { type: "wall", wall: { id: wall.id } }, { type: "wall", wall: { id: wall.id } }],
    ];
    await db.insert(wallEvents).values(
      legacy.map(([type, publicPayload, moderatorPayload], i) => ({
        wallId: wall.id,
        seq: i + 1,
        type,
        publicPayload,
        moderatorPayload,
      })),
    );

    const statements = dataStatements();
    expect(statements.length).toBeGreaterThanOrEqual(4);
    for (const statement of statements) await db.execute(sql.raw(statement));
    const rows = await db.select().from(wallEvents).where(eq(wallEvents.wallId, wall.id)).orderBy(asc(wallEvents.seq));

    expect(rows.map((r) => r.seq)).toEqual(legacy.map((_, i) => i + 1));
    expect(rows.map((r) => r.postId)).toEqual([a, a, b, b, b, b, c, c, d, d, null]);
    const stored = JSON.stringify(rows);
    for (const text of ["A-FIRSTVERSION", "B-DELETEDTEXT"]) expect(stored).not.toContain(text);
    expect(rows.filter((r) => JSON.stringify(r.publicPayload).includes("C-HIDDENTEXT"))).toEqual([]);
    expect(rows.filter((r) => JSON.stringify(r.moderatorPayload).includes("C-HIDDENTEXT")).map((r) => r.seq)).toEqual([
      8,
    ]);
    // A report (moderators only) left the public's entry of a visible post as it was.
    expect(rows.filter((r) => JSON.stringify(r.publicPayload).includes("D-REPORTED")).map((r) => r.seq)).toEqual([9]);

    const everything = await createChangeLoader(db)(wall.id, 0, 100);
    expect(replayState(everything, false)).toEqual(["A-LATEST|visible", "D-REPORTED|visible"]);
    expect(replayState(everything, true)).toEqual(["A-LATEST|visible", "C-HIDDENTEXT|hidden", "D-REPORTED|visible"]);

    const [deleted] = await db.select().from(wallPosts).where(eq(wallPosts.id, b));
    expect(deleted).toMatchObject({ title: null, body: "", attachmentKind: null, attachmentUrl: null });

    // Running the statements again changes nothing.
    for (const statement of statements) await db.execute(sql.raw(statement));
    const again = await db.select().from(wallEvents).where(eq(wallEvents.wallId, wall.id)).orderBy(asc(wallEvents.seq));
    expect(again).toEqual(rows);
  });
});
