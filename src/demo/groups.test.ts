import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import type { Database } from "../db/client.ts";
import { users } from "../modules/accounts/schema.ts";
import { createDeliverableService } from "../modules/deliverables/service.ts";
import { createGroupService } from "../modules/groups/service.ts";
import { organisations } from "../modules/people/schema.ts";
import { createTimelineService } from "../modules/programme/service.ts";
import { WallHub } from "../modules/walls/hub.ts";
import { createWallService } from "../modules/walls/service.ts";
import { seedDemoGroups } from "./groups.ts";
import { demoOrganisations } from "./organisations.ts";

describe("demo working group", () => {
  let database: Database;
  let groups: ReturnType<typeof createGroupService>;
  const admin = {
    id: crypto.randomUUID(),
    name: "Kaisa Lindqvist",
    email: "admin@example.test",
    role: "admin" as const,
  };
  const caller = { actor: admin, locale: "fi" as const };

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.insert(organisations).values(demoOrganisations);
    await database.db.insert(users).values({ ...admin, emailVerified: true });
    const hub = new WallHub(
      async () => [],
      () => {},
    );
    const walls = createWallService({ db: database.db, hub });
    await seedDemoGroups(database.db, admin, walls);
    groups = createGroupService({ db: database.db, walls });
  });
  afterAll(() => database.close());

  it("is seed 001's strategy group of North Karelia with members from the seed's organisations", async () => {
    const [summary] = (await groups.list(caller)).items;
    expect(summary).toMatchObject({ name: "Maakuntastrategia", memberCount: 10, convener: "Pekka Turunen" });
    const detail = await groups.getBySlug(caller, summary?.slug ?? "");
    expect(detail.members[0]).toMatchObject({ role: "convener", organisation: "Pohjois-Karjalan maakuntaliitto" });
    expect(new Set(detail.members.map((m) => m.organisation))).toEqual(
      new Set([
        "Pohjois-Karjalan maakuntaliitto",
        "Pohjois-Karjalan ELY-keskus",
        "Henkilöstöjärjestöjen yhteistyöjärjestö",
        "Valtimon kunta",
        "Kontiolahden kunta",
        "Siun sote – Pohjois-Karjalan sosiaali- ja terveyspalvelujen kuntayhtymä",
        "Joensuun kaupunki",
        "Tohmajärven kunta",
      ]),
    );
    expect(detail.group.wallSlug).toBeTruthy();
  });

  it("has the operating-model description half written, out for comments, with the seed's deadlines", async () => {
    const deliverables = createDeliverableService({ db: database.db });
    const [summary] = (await groups.list(caller)).items;
    const { deliverables: list } = await groups.getBySlug(caller, summary?.slug ?? "");
    const detail = await deliverables.get(caller, list[0]?.id ?? "");
    expect(detail.deliverable).toMatchObject({
      title: "Uuden toimintamallin kuvaus – Maakuntastrategia",
      status: "in_review",
    });
    expect(detail.sections.filter((s) => s.version > 0).map((s) => s.position)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(detail.sections.find((s) => s.position === 3)?.version).toBe(2);
    expect(detail.deadlines.map((d) => [d.kind, d.dueOn, d.completedAt !== null])).toEqual([
      ["preliminary", "2017-04-28", true],
      ["finished", "2017-05-31", false],
      ["report", "2017-06-30", false],
    ]);
    const timeline = await createTimelineService({ db: database.db }).get(caller);
    expect(timeline.entries.filter((e) => e.kind === "milestone")).toHaveLength(2);
  });
});
