import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { expectAudited } from "../../test/support/audit.ts";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "../db/client.ts";
import { auditEvents } from "../modules/audit/schema.ts";
import { organisations } from "../modules/people/schema.ts";
import { AppError } from "./errors.ts";
import { createWritePath, defineAuditActions } from "./write.ts";

const testAudit = defineAuditActions("test", ["thing.create", "thing.rename"]);
const anonymous = { actor: null, locale: "en" as const, participantHash: "p-hash" };

describe("the write path", () => {
  let database: Database;
  const effectErrors: unknown[] = [];
  let write: ReturnType<ReturnType<typeof createWritePath>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    write = createWritePath(database.db, (error) => effectErrors.push(error))(testAudit);
  });
  afterAll(() => database.close());
  const withNullActor = { actor: null, locale: "fi" as const };

  const createOrganisation = (
    name: string,
    extra: { fail?: boolean; within?: Parameters<typeof write>[0]["within"] } = {},
  ) =>
    write({
      caller: anonymous,
      allow: () => {},
      input: { schema: z.object({ name: z.string().trim().min(1) }), value: { name } },
      within: extra.within,
      run: async ({ tx, data, audit, afterCommit }) => {
        const [row] = await tx.insert(organisations).values({ name: data.name, kind: "municipality" }).returning();
        await audit("thing.create", { type: "organisation", id: row?.id ?? null }, { name: data.name });
        afterCommit(() => {
          effects.push(data.name);
        });
        if (extra.fail) throw new AppError("CONFLICT");
        return row;
      },
    });
  const effects: string[] = [];

  it("writes the change and its audit row together, then runs the effects", async () => {
    const row = await createOrganisation("Kotka\u0000");
    expect(row?.name).toBe("Kotka");
    await expectAudited(database.db, {
      module: "test",
      action: "thing.create",
      targetId: row?.id ?? "",
      actorId: null,
      actorParticipant: "p-hash",
      details: { name: "Kotka" },
    });
    expect(effects).toEqual(["Kotka"]);
  });

  it("leaves neither the change, nor its audit row, nor its effects when the write fails", async () => {
    const before = (await database.db.select().from(auditEvents)).length;
    await expect(createOrganisation("Hamina", { fail: true })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await database.db.select().from(organisations).where(eq(organisations.name, "Hamina"))).toEqual([]);
    expect((await database.db.select().from(auditEvents)).length).toBe(before);
    expect(effects).not.toContain("Hamina");
  });

  it("asks the policy before it parses or touches anything", async () => {
    let parsed = false;
    await expect(
      write({
        caller: withNullActor,
        allow: () => {
          throw new AppError("UNAUTHENTICATED");
        },
        input: {
          schema: z.string().transform((v) => {
            parsed = true;
            return v;
          }),
          value: "x",
        },
        run: async () => {},
      }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    expect(parsed).toBe(false);
  });

  it("refuses bad input with translated messages and writes nothing", async () => {
    await expect(createOrganisation("   ")).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      issues: [{ path: "name" }],
    });
  });

  it("joins the caller's unit: two writes commit together and their effects wait for the outer commit", async () => {
    const outer = createWritePath(database.db, () => {})(testAudit);
    let effectsAtInnerReturn: string[] = [];
    await outer({
      caller: anonymous,
      allow: () => {},
      run: async ({ unit, audit }) => {
        const inner = await createOrganisation("Kouvola", { within: unit });
        effectsAtInnerReturn = [...effects];
        await audit("thing.rename", { type: "organisation", id: inner?.id ?? null });
      },
    });
    expect(effectsAtInnerReturn).not.toContain("Kouvola");
    expect(effects).toContain("Kouvola");

    await expect(
      outer({
        caller: anonymous,
        allow: () => {},
        run: async ({ unit }) => {
          await createOrganisation("Lappeenranta", { within: unit });
          throw new AppError("CONFLICT");
        },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await database.db.select().from(organisations).where(eq(organisations.name, "Lappeenranta"))).toEqual([]);
    expect(effects).not.toContain("Lappeenranta");
  });

  it("rolls back a write that records no audit row, or an action its module does not declare", async () => {
    await expect(
      write({
        caller: anonymous,
        allow: () => {},
        run: async ({ tx }) => {
          await tx.insert(organisations).values({ name: "Unaudited", kind: "municipality" });
        },
      }),
    ).rejects.toThrow(/no audit row/);
    await expect(
      write({
        caller: anonymous,
        allow: () => {},
        run: async ({ audit }) => audit("thing.delete" as "thing.create", { type: "x", id: null }),
      }),
    ).rejects.toThrow(/unknown audit action/);
    expect(await database.db.select().from(organisations).where(eq(organisations.name, "Unaudited"))).toEqual([]);
  });

  it("lets a write that changed nothing say so instead of auditing", async () => {
    await expect(
      write({ caller: anonymous, allow: () => {}, run: async ({ unchanged }) => unchanged() }),
    ).resolves.toBeUndefined();
  });

  it("reports an effect that fails after the commit, and the write stands", async () => {
    const row = await write({
      caller: anonymous,
      allow: () => {},
      run: async ({ tx, audit, afterCommit }) => {
        const [made] = await tx.insert(organisations).values({ name: "Kotka-Hamina", kind: "region" }).returning();
        await audit("thing.create", { type: "organisation", id: made?.id ?? null });
        afterCommit(() => {
          throw new Error("notify failed");
        });
        return made;
      },
    });
    expect(row?.name).toBe("Kotka-Hamina");
    expect(effectErrors.map(String)).toEqual(["Error: notify failed"]);
  });
});
