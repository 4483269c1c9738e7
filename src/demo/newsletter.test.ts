import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "../db/client.ts";
import { createIssueService } from "../modules/newsletter/issues.ts";
import { seedDemoWorkspace } from "./seed.ts";

describe("demo newsletter", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
    await seedDemoWorkspace(database.db);
  }, 120_000);
  afterAll(() => database.close());

  it("puts two sent issues in the public archive", async () => {
    const issues = createIssueService({
      db: database.db,
      jobs: undefined as never,
      need: () => {
        throw new Error("not needed to read the archive");
      },
      publicUrl: "http://localhost",
    });
    const archive = await issues.archive({ actor: null, locale: "fi" });
    expect(archive.map((i) => i.subject)).toEqual([
      "Uutiskirje 2/2017: kohti käyttöönottoa",
      "Uutiskirje 1/2017: allianssi ja kasvupalvelut",
    ]);
    expect(archive[1]?.sentHtml).toContain("<strong>allianssimalli</strong>");
  });
});
