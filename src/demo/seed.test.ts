import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "../db/client.ts";
import { verifyPassword } from "../modules/accounts/password.ts";
import { accounts, users } from "../modules/accounts/schema.ts";
import { agendaItems, events, workshops } from "../modules/events/schema.ts";
import { organisations } from "../modules/people/schema.ts";
import { strategies, strategyGoals, strategyMeasurements } from "../modules/strategy/schema.ts";
import { wallPosts, walls } from "../modules/walls/schema.ts";
import { generatePassword, isEmpty, resetDemoAdminPassword, seedDemoWorkspace } from "./seed.ts";

describe("demo workspace", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it("generates a different strong password every time", () => {
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z2-9]{5}(-[A-Za-z2-9]{5}){3}$/);
    expect(generatePassword()).not.toBe(a);
  });

  it("fills an empty database with the seeds' organisations and people, and an admin whose password works", async () => {
    expect(await isEmpty(database.db)).toBe(true);
    const { email, password } = await seedDemoWorkspace(database.db);
    expect(await isEmpty(database.db)).toBe(false);
    const orgs = await database.db.select().from(organisations);
    expect(orgs.map((o) => o.name)).toEqual(
      expect.arrayContaining(["Kymenlaakson Liitto", "Kaakkois-Suomen ELY-keskus", "Pohjois-Karjalan maakuntaliitto"]),
    );
    const [admin] = await database.db.select().from(users).where(eq(users.email, email));
    expect(admin?.role).toBe("admin");
    const [account] = await database.db
      .select()
      .from(accounts)
      .where(eq(accounts.userId, admin?.id ?? ""));
    expect(await verifyPassword({ hash: account?.password ?? "", password })).toBe(true);

    const demoWalls = await database.db.select().from(walls);
    expect(demoWalls.map((w) => w.slug)).toEqual(
      expect.arrayContaining([
        "kyme-seminaari",
        "kyme-sote",
        "kyme-maakunta",
        "kyme-tuki1",
        "kyme-tuki2",
        "kyme-itsehallinto",
      ]),
    );
    const demoPosts = await database.db.select().from(wallPosts);
    expect(demoPosts.length).toBeGreaterThanOrEqual(20);

    const demoEvents = await database.db.select().from(events);
    expect(demoEvents).toHaveLength(7);
    const agenda = await database.db.select().from(agendaItems);
    expect(agenda.map((i) => i.title)).toContain(
      "Työosuus II: Valmistelun jatkotavoitteet sekä osallisuus ja viestintä",
    );
    expect(await database.db.select().from(workshops)).toHaveLength(2);

    const [strategy, ...otherStrategies] = await database.db.select().from(strategies);
    expect(otherStrategies).toEqual([]);
    expect(strategy).toMatchObject({
      name: "Pohjois-Karjalan maakuntastrategia 2021–2025",
      startYear: 2021,
      endYear: 2025,
      status: "draft",
    });
    expect(strategy?.vision).toContain("havainnollistavia");
    const goals = await database.db
      .select()
      .from(strategyGoals)
      .where(eq(strategyGoals.strategyId, strategy?.id ?? ""));
    const perCategory = new Map<string, number>();
    for (const g of goals) perCategory.set(g.category, (perCategory.get(g.category) ?? 0) + 1);
    expect(perCategory.size).toBe(6);
    for (const n of perCategory.values()) expect(n).toBeGreaterThanOrEqual(2);
    expect((await database.db.select().from(strategyMeasurements)).length).toBeGreaterThanOrEqual(30);

    const reset = await resetDemoAdminPassword(database.db);
    expect(reset?.password).not.toBe(password);
    const [after] = await database.db
      .select()
      .from(accounts)
      .where(eq(accounts.userId, admin?.id ?? ""));
    expect(await verifyPassword({ hash: after?.password ?? "", password: reset?.password ?? "" })).toBe(true);
    expect(await verifyPassword({ hash: after?.password ?? "", password })).toBe(false);
  });
});
