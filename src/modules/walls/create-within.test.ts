import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { openTestDatabase } from "../../../test/support/database.ts";
import { createPerson } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { createWritePath, defineAuditActions } from "../../core/write.ts";
import type { Database } from "../../db/client.ts";
import { auditEvents } from "../audit/schema.ts";
import { WallHub } from "./hub.ts";
import { walls } from "./schema.ts";
import { createWallService } from "./service.ts";

/** Another module makes a wall for a thing of its own in its own transaction. */
describe("a wall made inside another module's write", () => {
  let database: Database;
  let staff: Caller;
  const outer = () => createWritePath(database.db, () => {})(defineAuditActions("owner", ["thing.create"]));
  beforeAll(async () => {
    database = await openTestDatabase();
    const person = await createPerson(database, "staff");
    staff = { actor: { id: person.id, name: person.name, email: person.email, role: "staff" }, locale: "fi" };
  });
  afterAll(() => database.close());
  const service = () =>
    createWallService({
      db: database.db,
      hub: new WallHub(
        async () => [],
        () => {},
      ),
    });

  it("commits with its owner, who is recorded on the wall and in the audit row", async () => {
    const ownerId = crypto.randomUUID();
    const wall = await outer()({
      caller: staff,
      allow: () => {},
      run: async ({ unit, audit }) => {
        const made = await service().create(
          staff,
          { title: "Ryhmän seinä" },
          { within: unit, owner: { type: "group", id: ownerId } },
        );
        await audit("thing.create", { type: "thing", id: ownerId });
        return made;
      },
    });
    const [row] = await database.db.select().from(walls).where(eq(walls.id, wall.id));
    expect(row).toMatchObject({ ownerType: "group", ownerId });
    await expectAudited(database.db, {
      module: "walls",
      action: "wall.create",
      targetId: wall.id,
      actorId: staff.actor?.id,
    });
  });

  it("leaves no wall and no audit row when the owner's write fails", async () => {
    let wallId = "";
    await expect(
      outer()({
        caller: staff,
        allow: () => {},
        run: async ({ unit }) => {
          wallId = (await service().create(staff, { title: "Kesken jäänyt" }, { within: unit })).id;
          throw new Error("the owner's insert failed");
        },
      }),
    ).rejects.toThrow("the owner's insert failed");
    expect(await database.db.select().from(walls).where(eq(walls.id, wallId))).toEqual([]);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.targetId, wallId))).toEqual([]);
  });
});
