import { count, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAudited } from "../../../test/support/audit.ts";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { money } from "../../core/money.ts";
import type { IncentiveModelInput } from "./incentive/model.ts";
import { settleYears } from "./incentive/settle.ts";
import { allianceCostEntries, allianceParties, alliances } from "./schema.ts";
import { type AllianceFixture, allianceFixture, allianceInput, businessIds } from "./test-fixture.ts";

/** Rejects with VALIDATION_FAILED and exactly these issue paths; answers the messages. */
async function refusal(promise: Promise<unknown>, ...paths: string[]) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; issues?: { path: string; message: string }[] } | null;
  expect(error?.code).toBe("VALIDATION_FAILED");
  expect(error?.issues?.map((i) => i.path)).toEqual(paths);
  return error?.issues?.map((i) => i.message) ?? [];
}

const euros = (n: number) => n * 100;

describe("alliances", () => {
  let app: TestApp;
  let f: AllianceFixture;
  const s = () => app.platform.services;
  const id = () => f.alliance.alliance.id;
  const manager = () => f.callers.manager;
  const tableCount = async (table: typeof alliances | typeof allianceCostEntries | typeof allianceParties) =>
    (await app.database.db.select({ n: count() }).from(table))[0]?.n ?? 0;

  beforeAll(async () => {
    app = await startTestApp();
    f = await allianceFixture(app);
  });
  afterAll(() => app.close());

  it("makes an alliance with its parties, segments and phases; its founder manages it", async () => {
    const a = f.alliance;
    expect(a.alliance.kind).toBe("service");
    expect(a.alliance.segments.map((x) => x.expectedVolume)).toEqual([400, 150]);
    expect(a.alliance.phases.map((p) => p.name)).toEqual(["development", "implementation"]);
    expect(a.parties.map((p) => [p.side, p.shareBasisPoints])).toEqual([
      ["owner", 6000],
      ["owner", 2500],
      ["owner", 1500],
      ["provider", 7000],
      ["provider", 3000],
    ]);
    expect(a.members.find((m) => m.personId === manager().actor?.id)?.manager).toBe(true);
    expect(a.canEditBooks).toBe(true);
    await expectAudited(app.database.db, {
      module: "alliances",
      action: "alliance.create",
      targetId: id(),
      actorId: manager().actor?.id,
    });
  });

  it("refuses shares that do not add up to 100 %, naming the field, a wrong check digit and phases out of order; nothing changes", async () => {
    const before = [await tableCount(alliances), await tableCount(allianceParties)];
    const input = allianceInput("Väärät osuudet");
    const [owners] = await refusal(
      s().alliances.create(manager(), {
        ...input,
        parties: input.parties.map((p, i) => (i === 0 ? { ...p, shareBasisPoints: 5000 } : p)),
      }),
      "parties",
    );
    expect(owners).toContain("Tilaajien");
    expect(owners).toContain("100");
    await refusal(
      s().alliances.setParties(manager(), id(), {
        parties: [{ name: "Yhtiö", businessId: "1234567-2", side: "provider", shareBasisPoints: 10000 }],
      }),
      "parties.0.businessId",
    );
    await refusal(
      s().alliances.create(manager(), {
        ...input,
        phases: [input.phases[1] as never, input.phases[0] as never],
      }),
      "phases.1.name",
    );
    const [en] = await refusal(
      s().alliances.setParties({ ...manager(), locale: "en" }, id(), {
        parties: f.alliance.parties.map((p) => ({
          ...p,
          shareBasisPoints: p.side === "provider" ? 4000 : p.shareBasisPoints,
        })),
      }),
      "parties",
    );
    expect(en).toBe("The providers' agreed shares (shareBasisPoints) must add up to exactly 100%.");
    expect([await tableCount(alliances), await tableCount(allianceParties)]).toEqual(before);
  });

  it("sums contributions per party and year and for the alliance", async () => {
    const region = f.party("Pohjois-Pohjanmaan liitto");
    await s().alliances.addContribution(manager(), id(), {
      partyId: region,
      year: 2025,
      kind: "money",
      amount: euros(200_000),
    });
    await s().alliances.addContribution(manager(), id(), {
      partyId: region,
      year: 2025,
      kind: "staff",
      fte: "1,5",
      people: ["Liisa Ohjaaja"],
      amount: euros(90_000),
    });
    await s().alliances.addContribution(manager(), id(), {
      partyId: f.party("Kasvupalvelut Oy"),
      year: 2026,
      kind: "premises",
      description: "Palvelupiste Oulun keskustassa",
    });
    await refusal(
      s().alliances.addContribution(manager(), id(), { partyId: region, year: 2027, kind: "competence" }),
      "year",
    );
    await refusal(
      s().alliances.addContribution(manager(), id(), { partyId: region, year: 2025, kind: "staff" }),
      "fte",
    );
    const { summary } = await s().alliances.listContributions(f.callers.representative, id());
    const regionYear = summary.find((x) => x.partyId === region && x.year === 2025);
    expect(regionYear).toMatchObject({
      money: money(euros(200_000)),
      inKind: money(euros(90_000)),
      fte: "1.5",
      people: 1,
    });
    const all = summary.find((x) => x.partyId === null && x.year === null);
    expect(all).toMatchObject({ money: money(euros(200_000)), inKind: money(euros(90_000)), fte: "1.5", people: 1 });
  });

  it("refuses a cost entry outside the alliance's dates or with a negative amount, and sums budget against actual", async () => {
    const company = f.party("Kasvupalvelut Oy");
    const [outside] = await refusal(
      s().allianceBooks.addCostEntry(manager(), id(), {
        partyId: company,
        bookedOn: "2024-12-31",
        category: "reimbursable",
        amount: euros(100),
        auditReference: "KP-1",
      }),
      "bookedOn",
    );
    expect(outside).toContain("1. tammikuuta 2025");
    await refusal(
      s().allianceBooks.addCostEntry(manager(), id(), {
        partyId: company,
        bookedOn: "2025-02-01",
        category: "reimbursable",
        amount: -100,
        auditReference: "KP-1",
      }),
      "amount",
    );
    await refusal(
      s().allianceBooks.addCostEntry(manager(), id(), {
        partyId: company,
        bookedOn: "2025-02-01",
        category: "ownerOutside",
        countsTowardTarget: true,
        amount: 100,
        auditReference: "KP-1",
      }),
      "countsTowardTarget",
    );
    await s().allianceBooks.addBudgetLine(manager(), id(), {
      partyId: company,
      year: 2025,
      category: "reimbursable",
      amount: euros(500_000),
    });
    const entry = await s().allianceBooks.addCostEntry(manager(), id(), {
      partyId: company,
      bookedOn: "2025-02-15",
      category: "reimbursable",
      amount: "120 000,00",
      auditReference: "KP-2025-001",
    });
    expect(entry.countsTowardTarget).toBe(true);
    const { rows } = await s().allianceBooks.summary(f.callers.representative, id());
    expect(rows.find((r) => r.year === 2025 && r.partyId === company)).toMatchObject({
      budget: money(euros(500_000)),
      actual: money(euros(120_000)),
    });
    await s().allianceBooks.removeCostEntry(manager(), entry.id);
  });

  it("imports cost entries: the dry run names each bad row and field, a bad file stores nothing, a good one stores all", async () => {
    const before = await tableCount(allianceCostEntries);
    const bad = [
      "osapuoli;päivämäärä;kategoria;summa;tositeviite",
      `${businessIds.companyA};2025-03-01;reimbursable;1000,00;A-1`,
      `Tuntematon Oy;2024-03-01;korvattava kustannus;-5;A-2`,
      `Työtä yhdessä ry;1.4.2025;keksitty;12;`,
    ].join("\n");
    const report = await s().allianceImports.check(manager(), id(), new TextEncoder().encode(bad), "csv");
    expect(report.valid).toBe(false);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([
      [3, "party"],
      [3, "date"],
      [3, "amount"],
      [4, "category"],
      [4, "auditReference"],
    ]);
    const issues = await refusal(
      s().allianceImports.commit(manager(), id(), new TextEncoder().encode(bad), "csv"),
      "rows.3.party",
      "rows.3.date",
      "rows.3.amount",
      "rows.4.category",
      "rows.4.auditReference",
    );
    expect(issues[0]).toContain("Tuntematon Oy");
    const wrongColumn = await s().allianceImports.check(
      manager(),
      id(),
      new TextEncoder().encode("party;date;category;sum;audit reference\nx;2025-01-01;fee;1;A"),
    );
    expect(wrongColumn.errors.map((e) => [e.row, e.field])).toEqual([
      [1, "amount"],
      [1, "file"],
    ]);
    expect(await tableCount(allianceCostEntries)).toBe(before);

    const good = [
      "party,date,category,counts,amount,audit reference,description",
      `${businessIds.companyA},2025-03-01,reimbursable,,1000.00,A-1,Ohjaus`,
      `Työtä yhdessä ry,2025-04-01,fee,yes,250,A-2,`,
      `Oulun kaupunki,2025-04-02,ownerOutside,,75.50,A-3,Tilat`,
    ].join("\n");
    const done = await s().allianceImports.commit(manager(), id(), new TextEncoder().encode(good));
    expect(done.stored).toBe(3);
    expect(done.entries.map((e) => e.countsTowardTarget)).toEqual([true, true, false]);
    expect(await tableCount(allianceCostEntries)).toBe(before + 3);
    await expectAudited(app.database.db, { module: "alliances", action: "cost.import", targetId: id() });
  });

  it("imports an XLSX sheet: real dates and numbers read exactly, a bad row named by its row and field", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Kustannukset");
    sheet.addRow(["Osapuoli", "Päivämäärä", "Kategoria", "Summa", "Tositeviite"]);
    sheet.addRow(["Kasvupalvelut Oy", new Date(Date.UTC(2025, 6, 31)), "aliurakka", 1234.56, "X-1"]);
    sheet.addRow(["Kasvupalvelut Oy", "31.2.2025", "fee", 10, "X-2"]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const report = await s().allianceImports.check(manager(), id(), bytes);
    expect(report.entries.map((e) => [e.row, e.bookedOn, e.category, e.amountCents])).toEqual([
      [2, "2025-07-31", "subcontract", 123_456n],
    ]);
    expect(report.errors.map((e) => [e.row, e.field])).toEqual([[3, "date"]]);
  });
});

describe("settlements, decisions and invoices", () => {
  let app: TestApp;
  let f: AllianceFixture;
  const s = () => app.platform.services;
  const id = () => f.alliance.alliance.id;
  const manager = () => f.callers.manager;

  beforeAll(async () => {
    app = await startTestApp();
    f = await allianceFixture(app);
  });
  afterAll(() => app.close());

  const model = (version: number): IncentiveModelInput => ({
    version,
    validFrom: "2025-01-01",
    years: [
      { year: 2025, baseTarget: euros(1_000_000) },
      { year: 2026, baseTarget: euros(1_000_000) },
    ],
    gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
    painBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
    providerShares: [
      { partyId: f.party("Kasvupalvelut Oy"), shareBasisPoints: 7000 },
      { partyId: f.party("Työtä yhdessä ry"), shareBasisPoints: 3000 },
    ],
    ownerShares: [
      { partyId: f.party("Pohjois-Pohjanmaan liitto"), shareBasisPoints: 6000 },
      { partyId: f.party("Oulun kaupunki"), shareBasisPoints: 2500 },
      { partyId: f.party("Kempeleen kunta"), shareBasisPoints: 1500 },
    ],
  });

  const book = (partyName: string, bookedOn: string, category: "reimbursable" | "fee", amount: number) =>
    s().allianceBooks.addCostEntry(manager(), id(), {
      partyId: f.party(partyName),
      bookedOn,
      category,
      amount,
      auditReference: `${partyName}-${bookedOn}`,
    });

  it("stores model versions in order and refuses shares naming a party of the wrong side", async () => {
    await refusal(s().allianceSettlements.createModel(manager(), id(), model(2)), "version");
    const wrong = model(1);
    wrong.providerShares = [{ partyId: f.party("Oulun kaupunki"), shareBasisPoints: 10000 }];
    await refusal(s().allianceSettlements.createModel(manager(), id(), wrong), "providerShares.0.partyId");
    const v1 = await s().allianceSettlements.createModel(manager(), id(), model(1));
    expect(v1.row.version).toBe(1);
    expect(v1.model.years[0]?.baseTarget).toEqual(money(euros(1_000_000)));
    const listed = await s().allianceSettlements.listModels(f.callers.representative, id());
    expect(listed.map((m) => m.row.version)).toEqual([1]);
  });

  it("settles a year from the books as the engine does; the board's approval freezes it and a correction shows the difference", async () => {
    await book("Kasvupalvelut Oy", "2025-05-01", "reimbursable", euros(800_000));
    await book("Kasvupalvelut Oy", "2025-05-31", "fee", euros(60_000));
    await book("Työtä yhdessä ry", "2025-06-01", "reimbursable", euros(40_000));
    const settled = await s().allianceSettlements.calculate(manager(), id(), { year: 2025 });
    const entries = await s().allianceBooks.allEntries(app.database.db, id());
    const stored = await s().allianceSettlements.listModels(manager(), id());
    const expected = settleYears(stored[0]?.model as never, [
      {
        year: 2025,
        costs: entries.map((e) => ({
          id: e.id,
          amount: money(e.amountCents),
          category: e.category,
          countsTowardTarget: e.countsTowardTarget,
        })),
      },
    ]);
    expect(settled.result).toEqual(expected);
    const year = settled.result.years[0];
    expect(year?.difference).toEqual(money(euros(100_000)));
    expect(year?.incentive).toEqual(money(euros(50_000)));
    expect(settled.row.final).toBe(false);
    expect(settled.row.version).toBe(1);

    // The settlement page reads the entries its steps name in one query, and only its own alliance's.
    const elsewhere = await s().allianceBooks.addCostEntry(manager(), f.published.alliance.id, {
      partyId: f.published.parties.find((p) => p.side === "provider")?.id ?? "",
      bookedOn: "2025-05-02",
      category: "reimbursable",
      amount: euros(1),
      auditReference: "muu",
    });
    const named = await s().allianceBooks.costEntriesByIds(f.callers.representative, id(), [
      ...entries.map((e) => e.id),
      elsewhere.id,
    ]);
    expect(named.map((e) => e.id).sort()).toEqual(entries.map((e) => e.id).sort());
    await expect(s().allianceBooks.costEntriesByIds(f.callers.member, id(), [])).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    // Approval needs a decision the board made; unanimity is refused as made without it.
    const board = f.alliance.members.filter((m) => m.board);
    expect(board.length).toBe(2);
    await refusal(
      s().allianceDecisions.record(manager(), id(), {
        proposal: "Hyväksytään vuoden 2025 väliselvitys",
        decidedOn: "2026-01-20",
        requiresUnanimity: true,
        positions: board.map((m, i) => ({ personId: m.personId, position: i === 0 ? "for" : "abstain" })),
        made: true,
      }),
      "made",
    );
    await refusal(
      s().allianceDecisions.record(manager(), id(), {
        proposal: "Puuttuva kanta",
        decidedOn: "2026-01-20",
        positions: [{ personId: board[0]?.personId ?? "", position: "for" }],
        made: true,
      }),
      "positions",
    );
    const rejected = await s().allianceDecisions.record(manager(), id(), {
      proposal: "Hyväksytään vuoden 2025 väliselvitys",
      decidedOn: "2026-01-20",
      requiresUnanimity: true,
      positions: board.map((m, i) => ({ personId: m.personId, position: i === 0 ? "for" : "against" })),
      made: false,
    });
    await refusal(
      s().allianceSettlements.approve(manager(), settled.row.id, { decisionId: rejected.id }),
      "decisionId",
    );
    const decision = await s().allianceDecisions.record(manager(), id(), {
      proposal: "Hyväksytään vuoden 2025 väliselvitys",
      decidedOn: "2026-01-27",
      requiresUnanimity: true,
      positions: board.map((m) => ({ personId: m.personId, position: "for" })),
      made: true,
    });
    const approved = await s().allianceSettlements.approve(manager(), settled.row.id, { decisionId: decision.id });
    expect(approved.row.status).toBe("approved");
    await refusal(s().allianceSettlements.approve(manager(), settled.row.id, { decisionId: decision.id }), "id");
    await expectAudited(app.database.db, {
      module: "alliances",
      action: "settlement.approve",
      targetId: settled.row.id,
    });

    // A late cost: the correction is version 2, the approved version 1 stays as it was.
    await book("Työtä yhdessä ry", "2025-12-30", "reimbursable", euros(10_000));
    const corrected = await s().allianceSettlements.calculate(manager(), id(), { year: 2025 });
    expect(corrected.row.version).toBe(2);
    expect(corrected.previous).toMatchObject({ id: settled.row.id, version: 1, status: "approved" });
    expect(corrected.changes.find((c) => c.figure === "actual")?.change).toEqual(money(euros(10_000)));
    expect(corrected.changes.find((c) => c.figure === "incentive")?.change).toEqual(money(euros(-5_000)));
    const frozen = await s().allianceSettlements.get(f.callers.representative, settled.row.id);
    expect(frozen.result).toEqual(expected);
    expect(frozen.row.status).toBe("approved");
  });

  it("invoices a provider's month (cost plus fee) and its incentive; each owner's part by its share adds up", async () => {
    const monthly = await s().allianceInvoices.createMonthly(manager(), id(), {
      partyId: f.party("Kasvupalvelut Oy"),
      month: "2025-05",
    });
    expect(monthly.row.costCents).toBe(80_000_000n);
    expect(monthly.row.feeCents).toBe(6_000_000n);
    expect(monthly.owners.map((o) => o.amount.cents)).toEqual([51_600_000n, 21_500_000n, 12_900_000n]);
    await refusal(
      s().allianceInvoices.createMonthly(manager(), id(), { partyId: f.party("Kasvupalvelut Oy"), month: "2025-05" }),
      "month",
    );
    await refusal(
      s().allianceInvoices.createMonthly(manager(), id(), { partyId: f.party("Oulun kaupunki"), month: "2025-05" }),
      "partyId",
    );
    const [approved] = (await s().allianceSettlements.list(manager(), id())).filter((x) => x.status === "approved");
    const incentive = await s().allianceInvoices.createIncentive(manager(), id(), { settlementId: approved?.id ?? "" });
    expect(incentive.map((i) => i.row.amountCents)).toEqual([3_500_000n, 1_500_000n]);
    const paid = await s().allianceInvoices.setPayment(manager(), monthly.row.id, {
      status: "paid",
      paidOn: "2025-06-14",
    });
    expect(paid.row.status).toBe("paid");
    await refusal(s().allianceInvoices.setPayment(manager(), monthly.row.id, { status: "paid" }), "paidOn");
    const listed = await s().allianceInvoices.list(f.callers.representative, id());
    expect(listed.length).toBe(3);
    expect((await app.database.db.select().from(alliances).where(eq(alliances.id, id()))).length).toBe(1);
  });
});
