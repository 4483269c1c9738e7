import { sql } from "drizzle-orm";
import { pgTable, serial } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "../db/client.ts";
import { add, maxCents, money } from "./money.ts";
import { centsColumn, currencyColumn } from "./money-column.ts";

// A table of this test's own, made here: no migration is needed to check the column mapping on both drivers.
const amounts = pgTable("money_column_probe", {
  id: serial("id").primaryKey(),
  cents: centsColumn("cents").notNull(),
  currency: currencyColumn(),
});

describe("money columns", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.execute(
      sql`create table money_column_probe (id serial primary key, cents bigint not null, currency text not null default 'EUR')`,
    );
  });
  afterAll(() => database.close());

  it("stores and reads cents exactly as bigints, up to the largest Money, and sums them in SQL exactly", async () => {
    const values = [maxCents, -maxCents, 1n, 0n, 123_456n];
    await database.db.insert(amounts).values(values.map((cents) => ({ cents })));
    const rows = await database.db.select().from(amounts).orderBy(amounts.id);
    expect(rows.map((r) => r.cents)).toEqual(values);
    expect(rows.map((r) => money(r.cents, r.currency))[4]).toEqual(money(123_456));
    const [total] = await database.db.select({ total: sql<string>`sum(${amounts.cents})::text` }).from(amounts);
    expect(BigInt(total?.total ?? "")).toBe(add(money(1n), money(123_456n)).cents);
  });
});
