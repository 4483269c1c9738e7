import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/database.ts";
import { plainDate } from "../core/dates.ts";
import type { Database } from "../db/client.ts";
import { users } from "../modules/accounts/schema.ts";
import { createGrantService } from "../modules/commitments/grants.ts";
import { createRampdownService } from "../modules/commitments/rampdown.ts";
import { createSecondmentService } from "../modules/commitments/secondments.ts";
import { createContractService } from "../modules/commitments/service.ts";
import { seedDemoCommitments } from "./commitments.ts";

describe("demo commitments (seed 003)", () => {
  let database: Database;
  const admin = {
    id: crypto.randomUUID(),
    name: "Kaisa Lindqvist",
    email: "admin@example.test",
    role: "admin" as const,
  };
  const caller = { actor: admin, locale: "fi" as const };
  const today = plainDate("2026-12-01");

  beforeAll(async () => {
    database = await openTestDatabase();
    await database.db.insert(users).values({ ...admin, emailVerified: true });
    await seedDemoCommitments(database.db, admin, today);
  });
  afterAll(() => database.close());

  it("has 36 people = 26.2 FTE on the base grant and 9+1 people = 6.3 FTE on ICT funding", async () => {
    const totals = await createSecondmentService({ db: database.db }).totals(caller);
    const by = Object.fromEntries(totals.byFundingSource.map((f) => [f.fundingSource, f]));
    expect(by.base_grant).toMatchObject({ people: 36, fteHundredths: 2620 });
    expect(by.ict_grant).toMatchObject({ people: 10, fteHundredths: 630 });
    const ict = (await createSecondmentService({ db: database.db }).list(caller, { fundingSource: "ict_grant" })).items;
    expect(ict.filter((v) => v.secondment.legalForm !== "own_fixed_term").length).toBe(9);
    expect(ict.filter((v) => v.secondment.legalForm === "own_fixed_term").length).toBe(1);
    // Everyone goes home between 1.4. and 30.6.2019.
    const schedule = await createSecondmentService({ db: database.db }).returnSchedule(caller);
    expect(schedule.map((m) => m.month)).toEqual(["2019-04", "2019-05", "2019-06"]);
    expect(schedule.reduce((n, m) => n + m.people, 0)).toBe(46);
    expect(schedule.some((m) => m.returns.some((r) => r.view.substitutes.length === 2))).toBe(true);
  });

  it("has the seed's grants: about 4.5 M€ with about 2.9 M€ used, 7.4 M€ with about 1.5 M€ used", async () => {
    const grants = await createGrantService({ db: database.db }).list(caller);
    const base = grants.find((g) => g.grant.fundingSource === "base_grant");
    const ict = grants.find((g) => g.grant.fundingSource === "ict_grant");
    expect(base?.grant.amountCents).toBe(4_500_000_00n);
    expect(base?.grant.ownShareHundredths).toBe(1000);
    expect(Number(base?.summary.grantUsedCents) / 100).toBeCloseTo(2_900_000, -4);
    expect(ict?.grant.amountCents).toBe(7_400_000_00n);
    expect(Number(ict?.summary.grantUsedCents) / 100).toBeCloseTo(1_500_000, -4);
    // The rules at work: a commitment after 8.3.2019, work for another public body; essential ones kept.
    const rules = (await createGrantService({ db: database.db }).report(caller, base?.grant.id ?? "")).costs.map(
      (c) => c.rule,
    );
    expect(rules).toEqual(
      expect.arrayContaining(["commitment_after_cut_off", "ict_for_other_public_body", "essential_for_ending"]),
    );
  });

  it("has a few dozen contracts, some near their notice deadline, a ramp-down decision on some and seed 003's checklist", async () => {
    const contracts = createContractService({ db: database.db, today: () => today });
    const all = (await contracts.listContracts(caller, { limit: 200 })).items;
    expect(all.length).toBeGreaterThanOrEqual(24);
    const soon = all.filter((c) => {
      if (!c.noticeDeadline) return false;
      const days = today.until(plainDate(c.noticeDeadline)).days;
      return days >= 0 && days <= 30;
    });
    expect(soon.length).toBeGreaterThanOrEqual(3);
    const rampdown = createRampdownService({ db: database.db });
    expect((await rampdown.listDecisions(caller)).length).toBeGreaterThanOrEqual(6);
    const checklist = await rampdown.checklist(caller);
    expect(checklist.length).toBe(9);
    expect(checklist.every((i) => i.owner !== "")).toBe(true);
  });
});
