import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { personCaller } from "../../../test/support/person-caller.ts";
import { api, createPerson, signIn, startTestApp, type TestApp } from "../../../test/support/server.ts";
import type { Caller } from "../../core/caller.ts";
import { translate } from "../../i18n/translate.ts";
import { standardChecklistItems } from "./constants.ts";
import { rampdownDecisionsTable } from "./schema.ts";
import { contractFor, grantFor, secondmentFor } from "./test-fixture.ts";

describe("ramp-down plan", () => {
  let app: TestApp;
  let staff: Caller;
  const services = () => app.platform.services;
  const decisions = async () => (await app.database.db.select({ n: count() }).from(rampdownDecisionsTable))[0]?.n ?? 0;

  beforeAll(async () => {
    app = await startTestApp();
    staff = (await personCaller(app, "staff")).caller;
  });
  afterAll(() => app.close());

  it("records a decision per commitment (contract, secondment, grant, other) with cost and earliest exit; one each", async () => {
    const folder = await services().contracts.createFolder(staff, { name: "Alasajo" });
    const contract = await services().contracts.createContract(staff, contractFor(folder.folder.id));
    const person = await services().secondments.create(staff, secondmentFor(1));
    const grant = await services().grants.create(staff, grantFor(1));
    const ended = await services().rampdown.decide(staff, {
      contractId: contract.contract.id,
      decision: "end",
      decidedOn: "2019-03-12",
      decidedBy: "Johtoryhmä",
      exitCostCents: 1_250_000,
      earliestExitDate: "2019-06-30",
    });
    expect(ended.commitment).toEqual({
      kind: "contract",
      id: contract.contract.id,
      label: `${contract.contract.number} ${contract.contract.name}`,
    });
    expect(ended.decision.exitCostCents).toBe(1_250_000n);
    await expectAudited(app.database.db, {
      module: "commitments",
      action: "decision.create",
      targetId: ended.decision.id,
      actorId: staff.actor?.id,
    });
    const moved = await services().rampdown.decide(staff, {
      secondmentId: person.secondment.id,
      decision: "transfer",
      transferTo: "Oulun kaupunki",
      decidedOn: "2019-03-20",
      decidedBy: "Maakuntahallitus",
    });
    expect(moved.commitment.kind).toBe("secondment");
    await services().rampdown.decide(staff, {
      grantId: grant.grant.id,
      decision: "continue",
      decidedOn: "2019-03-20",
      decidedBy: "Maakuntahallitus",
    });
    const other = await services().rampdown.decide(staff, {
      title: "Cloudia-sopimustenhallinta (määräaikainen 2020 loppuun)",
      decision: "transfer",
      transferTo: "Pohjois-Pohjanmaan liitto",
      decidedOn: "2019-04-05",
      decidedBy: "Maakuntahallitus",
    });
    expect(other.commitment).toMatchObject({ kind: "other", id: null });

    // Leaving a transfer drops the receiving organisation.
    const changed = await services().rampdown.updateDecision(staff, moved.decision.id, { decision: "end" });
    expect(changed.decision.transferTo).toBeNull();
    expect((await services().rampdown.listDecisions(staff)).length).toBe(4);
  });

  it("refuses a second decision, a transfer without its organisation, two targets or none, naming the field", async () => {
    const folder = await services().contracts.createFolder(staff, { name: "Alasajo 2" });
    const contract = await services().contracts.createContract(staff, contractFor(folder.folder.id));
    const base = { decision: "end" as const, decidedOn: "2019-03-12", decidedBy: "Johtoryhmä" };
    await services().rampdown.decide(staff, { ...base, contractId: contract.contract.id });
    const before = await decisions();
    const refused = async (input: object, path: string, key: Parameters<typeof translate>[1]) =>
      expect(
        await services()
          .rampdown.decide(staff, input)
          .catch((e: unknown) => e),
      ).toMatchObject({
        code: "VALIDATION_FAILED",
        issues: [{ path, message: translate("fi", key) }],
      });
    await refused({ ...base, contractId: contract.contract.id }, "contractId", "commitments.decision.exists");
    await refused(
      { ...base, decision: "transfer", title: "Tietovarasto" },
      "transferTo",
      "commitments.decision.transferToRequired",
    );
    await refused(
      { ...base, transferTo: "Oulu", title: "Tietovarasto" },
      "transferTo",
      "commitments.decision.transferToOnlyTransfer",
    );
    const grant = await services().grants.create(staff, grantFor(2));
    await refused(
      { ...base, contractId: contract.contract.id, grantId: grant.grant.id },
      "grantId",
      "commitments.decision.targetOne",
    );
    await refused(base, "title", "commitments.decision.targetOne");
    await refused(
      { ...base, secondmentId: crypto.randomUUID() },
      "secondmentId",
      "commitments.decision.targetNotFound",
    );
    expect(await decisions()).toBe(before);
  });

  it("holds seed 003's checklist in order, each item with an owner and a status, and the office's own items", async () => {
    const list = await services().rampdown.addStandardChecklist(staff);
    expect(list.map((i) => i.key)).toEqual([...standardChecklistItems]);
    // Again: nothing more.
    expect((await services().rampdown.addStandardChecklist(staff)).length).toBe(standardChecklistItems.length);
    const first = list[0];
    if (!first) throw new Error("no item");
    const owned = await services().rampdown.updateChecklistItem(staff, first.id, {
      owner: "Muutosjohtaja",
      status: "in_progress",
      dueDate: "2019-06-30",
    });
    expect(owned).toMatchObject({ owner: "Muutosjohtaja", status: "in_progress", dueDate: "2019-06-30" });
    const own = await services().rampdown.addChecklistItem(staff, {
      title: "Opiskelijoiden työsuhteet 30.6. asti",
      owner: "Hallintojohtaja",
    });
    expect(own.position).toBe(standardChecklistItems.length);
    expect(
      await services()
        .rampdown.addChecklistItem(staff, { key: "staff_return" })
        .catch((e: unknown) => e),
    ).toMatchObject({ issues: [{ path: "key", message: translate("fi", "commitments.checklist.keyTaken") }] });
    expect(
      await services()
        .rampdown.addChecklistItem(staff, { owner: "X" })
        .catch((e: unknown) => e),
    ).toMatchObject({ issues: [{ path: "title" }] });
  });

  it("over HTTP, in OpenAPI; members refused", async () => {
    const person = await createPerson(app.database, "staff");
    const cookie = await signIn(app, person.email, person.password);
    const made = await api(app, "/api/commitments/rampdown/decisions", {
      method: "POST",
      cookie,
      body: {
        title: "Toimitilojen vuokra",
        decision: "already_ended",
        decidedOn: "2019-03-31",
        decidedBy: "Johtoryhmä",
      },
    });
    expect(made.status).toBe(201);
    expect(made.json).toMatchObject({ commitment: { kind: "other", label: "Toimitilojen vuokra" }, exitCostCents: 0 });
    const checklist = await api(app, "/api/commitments/rampdown/checklist", { cookie });
    expect(checklist.status).toBe(200);
    const member = await createPerson(app.database, "member");
    const memberCookie = await signIn(app, member.email, member.password);
    expect((await api(app, "/api/commitments/rampdown/decisions", { cookie: memberCookie })).status).toBe(403);
    const paths = Object.keys((await api(app, "/api/openapi.json")).json.paths as object);
    for (const path of [
      "/api/commitments/rampdown/decisions",
      "/api/commitments/rampdown/decisions/{id}",
      "/api/commitments/rampdown/checklist",
      "/api/commitments/rampdown/checklist/standard",
      "/api/commitments/rampdown/checklist/{id}",
    ])
      expect(paths, path).toContain(path);
  });
});
