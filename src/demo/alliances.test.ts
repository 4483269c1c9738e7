import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "../db/client.ts";
import { users } from "../modules/accounts/schema.ts";
import { createBooksService } from "../modules/alliances/books.ts";
import { createAllianceService } from "../modules/alliances/service.ts";
import { createSettlementService } from "../modules/alliances/settlements.ts";
import { seedDemoWorkspace } from "./seed.ts";

describe("demo alliance", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoWorkspace(database.db);
  });
  afterAll(() => database.close());

  it("has a region, three towns, two companies and an association, two years of books and an approved interim settlement", async () => {
    const [admin] = await database.db.select().from(users).where(eq(users.email, "muutosjohtaja@uudistamo.example"));
    const caller = {
      actor: { id: admin?.id ?? "", name: "", email: "", role: "admin" as const },
      locale: "fi" as const,
    };
    const alliances = createAllianceService({ db: database.db });
    const [alliance] = (await alliances.list(caller)).items;
    expect(alliance?.name).toBe("Kymenlaakson kasvupalveluallianssi");
    const view = await alliances.get(caller, alliance?.id ?? "");
    expect(view.parties.map((p) => p.side)).toEqual([
      "owner",
      "owner",
      "owner",
      "owner",
      "provider",
      "provider",
      "provider",
    ]);
    expect(view.members.filter((m) => m.board).length).toBe(4);
    const { rows } = await createBooksService({ db: database.db }).summary(caller, view.alliance.id);
    expect(rows.filter((r) => r.partyId === null).map((r) => r.year)).toEqual([2025, 2026]);
    const settlements = await createSettlementService({ db: database.db }).list(caller, view.alliance.id);
    expect(settlements.map((s) => [s.year, s.status, s.final])).toEqual([
      [2025, "approved", false],
      [2026, "draft", true],
    ]);
  });
});
