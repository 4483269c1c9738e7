import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/support/server.ts";
import { money } from "../../core/money.ts";
import { allianceInvoices } from "./schema.ts";
import { type AllianceFixture, allianceFixture } from "./test-fixture.ts";

/** Rejects with VALIDATION_FAILED naming exactly these fields (a field may have more than one message). */
async function refusal(promise: Promise<unknown>, ...paths: string[]) {
  const error = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { code?: string; issues?: { path: string }[] } | null;
  expect(error?.code).toBe("VALIDATION_FAILED");
  expect([...new Set(error?.issues?.map((i) => i.path))]).toEqual(paths);
}

describe("invoices, payments and what is outstanding", () => {
  let app: TestApp;
  let f: AllianceFixture;
  const s = () => app.platform.services;
  const id = () => f.alliance.alliance.id;

  beforeAll(async () => {
    app = await startTestApp();
    f = await allianceFixture(app);
    const book = (party: string, bookedOn: string, category: "reimbursable" | "fee", amount: number) =>
      s().allianceBooks.addCostEntry(f.callers.manager, id(), {
        partyId: f.party(party),
        bookedOn,
        category,
        amount,
        auditReference: `${party}-${bookedOn}-${category}`,
      });
    await book("Kasvupalvelut Oy", "2025-05-12", "reimbursable", 1_000_001);
    await book("Kasvupalvelut Oy", "2025-05-31", "fee", 99_999);
    await book("Työtä yhdessä ry", "2025-05-20", "reimbursable", 333_333);
  }, 180_000);
  afterAll(() => app?.close());

  it("lists every provider and owner with nothing outstanding before any invoice", async () => {
    const view = await s().allianceInvoices.overview(f.callers.representative, id());
    expect(view.invoices).toEqual([]);
    expect(view.outstanding.total).toEqual(money(0));
    expect(view.outstanding.providers.map((p) => p.partyId)).toEqual([
      f.party("Kasvupalvelut Oy"),
      f.party("Työtä yhdessä ry"),
    ]);
    expect(view.outstanding.owners.map((o) => [o.partyId, o.outstanding.cents])).toEqual([
      [f.party("Pohjois-Pohjanmaan liitto"), 0n],
      [f.party("Oulun kaupunki"), 0n],
      [f.party("Kempeleen kunta"), 0n],
    ]);
  });

  it("adds an invoice to what is outstanding, and a payment takes it off, to the cent, by provider and by owner", async () => {
    const company = await s().allianceInvoices.createMonthly(f.callers.manager, id(), {
      partyId: f.party("Kasvupalvelut Oy"),
      month: "2025-05",
    });
    expect(company.row.amountCents).toBe(1_100_000n);
    const association = await s().allianceInvoices.createMonthly(f.callers.manager, id(), {
      partyId: f.party("Työtä yhdessä ry"),
      month: "2025-05",
    });
    expect(association.row.amountCents).toBe(333_333n);

    let view = await s().allianceInvoices.overview(f.callers.representative, id());
    expect(view.outstanding.total.cents).toBe(1_433_333n);
    const owed = view.outstanding.owners.map((o) => o.outstanding.cents);
    // Each invoice split 60/25/15 by the largest remainder; the owners' sums add up to the total exactly.
    expect(owed.reduce((a, b) => a + b, 0n)).toBe(1_433_333n);
    expect(owed).toEqual([660_000n + 200_000n, 275_000n + 83_333n, 165_000n + 50_000n]);

    await s().allianceInvoices.setPayment(f.callers.manager, company.row.id, { status: "paid", paidOn: "2025-06-14" });
    view = await s().allianceInvoices.overview(f.callers.representative, id());
    expect(view.outstanding.total.cents).toBe(333_333n);
    const byParty = Object.fromEntries(view.outstanding.providers.map((p) => [p.partyId, p]));
    expect(byParty[f.party("Kasvupalvelut Oy")]).toMatchObject({
      invoiced: money(1_100_000),
      paid: money(1_100_000),
      outstanding: money(0),
    });
    expect(byParty[f.party("Työtä yhdessä ry")]).toMatchObject({
      invoiced: money(333_333),
      paid: money(0),
      outstanding: money(333_333),
    });
    expect(view.outstanding.owners.map((o) => o.outstanding.cents)).toEqual([200_000n, 83_333n, 50_000n]);
  });

  it("refuses a payment without its day, by an owner's representative, or of another alliance's invoice, and changes nothing", async () => {
    const [unpaid] = (await s().allianceInvoices.overview(f.callers.manager, id())).invoices.filter(
      (v) => v.row.status === "unpaid",
    );
    const invoiceId = unpaid?.row.id ?? "";
    await refusal(s().allianceInvoices.setPayment(f.callers.manager, invoiceId, { status: "paid" }), "paidOn");
    await refusal(
      s().allianceInvoices.setPayment(f.callers.manager, invoiceId, { status: "paid", paidOn: "2025-02-30" }),
      "paidOn",
    );
    await expect(
      s().allianceInvoices.setPayment(f.callers.representative, invoiceId, { status: "paid", paidOn: "2025-06-20" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(s().allianceInvoices.overview(f.callers.member, id())).rejects.toMatchObject({ code: "FORBIDDEN" });
    const rows = await app.database.db.select().from(allianceInvoices);
    expect(rows.map((r) => [r.amountCents, r.status]).sort()).toEqual([
      [1_100_000n, "paid"],
      [333_333n, "unpaid"],
    ]);
  });

  it("lists the model's versions with who saved each", async () => {
    const shares = (side: "owner" | "provider") =>
      f.alliance.parties
        .filter((p) => p.side === side)
        .map((p) => ({ partyId: p.id, shareBasisPoints: p.shareBasisPoints }));
    await s().allianceSettlements.createModel(f.callers.manager, id(), {
      version: 1,
      validFrom: "2025-01-01",
      years: [{ year: 2025, baseTarget: "1 000 000,00" }],
      gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 3000 }],
      painBands: [
        { toBasisPointsOfTarget: 1000, providersShareBasisPoints: 3000 },
        { toBasisPointsOfTarget: null, providersShareBasisPoints: 10_000 },
      ],
      providerShares: shares("provider"),
      ownerShares: shares("owner"),
    });
    const [version] = await s().allianceSettlements.listModels(f.callers.representative, id());
    expect(version?.createdByName).toBe("Matti Allianssipäällikkö");
    expect(version?.model.years[0]?.baseTarget).toEqual(money(100_000_000));
    expect(version?.model.painBands.map((b) => b.providersShareBasisPoints)).toEqual([3000, 10_000]);
  });
});
