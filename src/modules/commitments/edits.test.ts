import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { costFor, grantFor, secondmentFor } from "./test-fixture.ts";

/**
 * The changes the edit pages make (issue 12 point 13): a secondment, a grant, a cost entry and a ramp-down decision,
 * each through its service's update and the API's PATCH, audited; a refused change leaves the row as it was, and an
 * auditor changes nothing.
 */
describe("editing secondments, grants, cost entries and ramp-down decisions", () => {
  let app: TestApp;
  let staff: Caller;
  let cookie: string;
  let auditorCookie: string;
  const services = () => app.platform.services;

  async function refusedAt(promise: Promise<unknown>, path: string) {
    const error = (await promise.then(
      () => null,
      (e: unknown) => e,
    )) as { code?: string; issues?: { path: string }[] } | null;
    expect(error?.code).toBe("VALIDATION_FAILED");
    expect(error?.issues?.map((i) => i.path)).toEqual([path]);
  }

  beforeAll(async () => {
    app = await startTestApp();
    const person = await personCaller(app, "staff");
    staff = person.caller;
    cookie = await signIn(app, person.person.email, person.person.password);
    const auditor = await createPerson(app.database, "auditor");
    auditorCookie = await signIn(app, auditor.email, auditor.password);
    // Migrations on a fresh database take a while on a busy machine.
  }, 180_000);
  afterAll(() => app.close());

  it("changes a secondment's FTE, planned return and substitution chain; a refused change keeps it as it was", async () => {
    const created = await services().secondments.create(staff, secondmentFor(1, { personName: "Liisa Muutos" }));
    const id = created.secondment.id;
    const changed = await services().secondments.update(staff, id, {
      sharePercent: 60,
      fte: "0,6",
      plannedReturnDate: "2019-05-01",
      substitutes: [
        { name: "Kalle Sijainen", post: "suunnittelija" },
        { name: "Maija Toinen", post: "" },
      ],
    });
    expect(changed.secondment).toMatchObject({ sharePercent: 60, fteHundredths: 60, plannedReturnDate: "2019-05-01" });
    expect(changed.substitutes.map((s) => s.name)).toEqual(["Kalle Sijainen", "Maija Toinen"]);
    await expectAudited(app.database.db, {
      module: "commitments",
      action: "secondment.update",
      targetId: id,
      actorId: staff.actor?.id,
    });
    const totals = await services().secondments.totals(staff);
    expect(totals.byFundingSource.find((f) => f.fundingSource === "base_grant")?.fteHundredths).toBe(60);

    await refusedAt(
      services().secondments.update(staff, id, { fte: "0,2", agreedEndDate: "2017-12-31" }),
      "agreedEndDate",
    );
    await refusedAt(services().secondments.update(staff, id, { plannedReturnDate: "2017-01-01" }), "plannedReturnDate");
    const after = await services().secondments.get(staff, id);
    expect(after.secondment.fteHundredths).toBe(60);
    expect(after.substitutes).toHaveLength(2);

    // An empty planned return clears it; an empty chain empties it.
    const cleared = await services().secondments.update(staff, id, { plannedReturnDate: "", substitutes: [] });
    expect(cleared.secondment.plannedReturnDate).toBeNull();
    expect(cleared.substitutes).toEqual([]);

    const patched = await api(app, `/api/commitments/secondments/${id}`, {
      method: "PATCH",
      cookie,
      body: { plannedReturnDate: "2019-06-01", substitutes: [{ name: "Kalle Sijainen" }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ plannedReturnDate: "2019-06-01", substitutes: [{ name: "Kalle Sijainen" }] });
    const refused = await api(app, `/api/commitments/secondments/${id}`, {
      method: "PATCH",
      cookie: auditorCookie,
      body: { fte: "0,1" },
    });
    expect(refused.status).toBe(403);
    expect((await services().secondments.get(staff, id)).secondment.fteHundredths).toBe(60);
  });

  it("changes a grant's own share and cut-off dates and decides its costs again; a cost entry's change is decided again", async () => {
    const grant = await services().grants.create(staff, grantFor(1, { name: "Muokattava avustus" }));
    const id = grant.grant.id;
    // Committed 20.3.2019, after the cut-off of 8.3.: ineligible.
    const cost = await services().grants.addCost(
      staff,
      id,
      costFor({
        description: "Konsultointi",
        costDate: "2019-04-01",
        commitmentDate: "2019-03-20",
        amountCents: 50_000,
      }),
    );
    expect(cost).toMatchObject({ eligible: false, rule: "commitment_after_cut_off" });

    // The cut-off moves past the commitment: the entry becomes eligible; the own share is 20 %.
    const changed = await services().grants.update(staff, id, {
      ownSharePercent: "20",
      amountCents: 2_000_000,
      eligibleTo: "2019-12-31",
      cutOffs: [{ kind: "commitments", date: "2019-03-31" }],
    });
    expect(changed.grant).toMatchObject({ ownShareHundredths: 2000, amountCents: 2_000_000n });
    expect(changed.summary).toMatchObject({ eligibleCents: 50_000n, ownShareCents: 10_000n, grantUsedCents: 40_000n });
    expect(await services().grants.getCost(staff, cost.id)).toMatchObject({ eligible: true, rule: "eligible" });
    await expectAudited(app.database.db, {
      module: "commitments",
      action: "grant.update",
      targetId: id,
      details: { redecided: 1 },
    });

    // An eligibility period ending before it starts is refused; nothing changes.
    await refusedAt(
      services().grants.update(staff, id, { ownSharePercent: "5", eligibleTo: "2016-12-31" }),
      "eligibleTo",
    );
    expect((await services().grants.get(staff, id)).grant.ownShareHundredths).toBe(2000);

    // The cost entry's facts change: ICT work for another public body is ineligible, whatever its dates.
    const ict = await services().grants.updateCost(staff, cost.id, {
      category: "ict_development",
      forOtherPublicBody: true,
    });
    expect(ict).toMatchObject({ category: "ict_development", eligible: false, rule: "ict_for_other_public_body" });
    await expectAudited(app.database.db, { module: "commitments", action: "cost.update", targetId: cost.id });
    await refusedAt(services().grants.updateCost(staff, cost.id, { category: "catering", amountCents: 1 }), "category");
    expect((await services().grants.getCost(staff, cost.id)).amountCents).toBe(50_000n);

    const patched = await api(app, `/api/commitments/costs/${cost.id}`, {
      method: "PATCH",
      cookie,
      body: { forOtherPublicBody: false, commitmentDate: "2019-04-15", essentialForEnding: true },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ eligible: true, rule: "essential_for_ending" });
    const grantPatch = await api(app, `/api/commitments/grants/${id}`, {
      method: "PATCH",
      cookie,
      body: { ownSharePercent: "10" },
    });
    expect(grantPatch.status).toBe(200);
    expect(grantPatch.json).toMatchObject({ ownSharePercent: "10.00" });
    for (const [path, body] of [
      [`/api/commitments/grants/${id}`, { ownSharePercent: "50" }],
      [`/api/commitments/costs/${cost.id}`, { amountCents: 1 }],
    ] as const)
      expect((await api(app, path, { method: "PATCH", cookie: auditorCookie, body })).status, path).toBe(403);
    expect((await services().grants.getCost(staff, cost.id)).amountCents).toBe(50_000n);
  });

  it("changes a ramp-down decision; a transfer needs its receiving organisation", async () => {
    const decision = await services().rampdown.decide(staff, {
      title: "Toimitilojen vuokra",
      decision: "end",
      decidedOn: "2019-03-20",
      decidedBy: "Johtoryhmä",
    });
    const id = decision.decision.id;
    await refusedAt(services().rampdown.updateDecision(staff, id, { decision: "transfer" }), "transferTo");
    const moved = await services().rampdown.updateDecision(staff, id, {
      decision: "transfer",
      transferTo: "Pohjois-Pohjanmaan liitto",
      exitCostCents: 120_000,
      earliestExitDate: "2019-06-30",
    });
    expect(moved.decision).toMatchObject({
      decision: "transfer",
      transferTo: "Pohjois-Pohjanmaan liitto",
      exitCostCents: 120_000n,
      earliestExitDate: "2019-06-30",
    });
    await expectAudited(app.database.db, { module: "commitments", action: "decision.update", targetId: id });
    const patched = await api(app, `/api/commitments/rampdown/decisions/${id}`, {
      method: "PATCH",
      cookie,
      body: { decision: "continue" },
    });
    expect(patched.status).toBe(200);
    // Leaving the transfer drops its receiving organisation.
    expect(patched.json).toMatchObject({ decision: "continue", transferTo: null });
    const refused = await api(app, `/api/commitments/rampdown/decisions/${id}`, {
      method: "PATCH",
      cookie: auditorCookie,
      body: { decision: "end" },
    });
    expect(refused.status).toBe(403);
    expect((await services().rampdown.getDecision(staff, id)).decision.decision).toBe("continue");
  });
});
