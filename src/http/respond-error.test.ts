import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "../db/client.ts";
import { toAppError } from "./respond-error.ts";

describe("toAppError", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  const refusal = async (query: ReturnType<typeof sql>) => {
    try {
      await database.db.execute(query);
    } catch (error) {
      return toAppError(error);
    }
    throw new Error("the database took the value");
  };

  it("turns the database's refusal of a NUL in text into 400 VALIDATION_FAILED, not a 500", async () => {
    const error = await refusal(sql`select ${"a\u0000b"}::text`);
    expect([error.code, error.status]).toEqual(["VALIDATION_FAILED", 400]);
  });

  it("does the same for a malformed uuid and a number out of range", async () => {
    expect((await refusal(sql`select ${"not-a-uuid"}::uuid`)).code).toBe("VALIDATION_FAILED");
    expect((await refusal(sql`select ${"99999999999"}::integer`)).code).toBe("VALIDATION_FAILED");
  });

  it("keeps other failures INTERNAL", async () => {
    expect((await refusal(sql`select * from no_such_table`)).code).toBe("INTERNAL");
  });
});
