import type { TestApp } from "../../../../test/support/server.ts";
import type { AllianceFixture } from "../test-fixture.ts";

const euros = (n: number) => n * 100;

/**
 * The fixture's alliance with a model (1 000 000 € a year, 50:50), a budget line, 2025's books (860 000 € toward
 * the target and 1 000 € outside it, one description that looks like a formula) and 2025's settlement approved
 * by a unanimous board decision.
 */
export async function settledAlliance(app: TestApp, f: AllianceFixture): Promise<{ settlementId: string }> {
  const s = app.platform.services;
  const manager = f.callers.manager;
  const id = f.alliance.alliance.id;
  await s.allianceSettlements.createModel(manager, id, {
    version: 1,
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
  await s.allianceBooks.addBudgetLine(manager, id, {
    partyId: f.party("Kasvupalvelut Oy"),
    year: 2025,
    category: "reimbursable",
    description: "Palvelut",
    amount: euros(900_000),
  });
  const book = (
    party: string,
    bookedOn: string,
    category: "reimbursable" | "fee" | "ownerOutside",
    amount: number,
    description = "",
  ) =>
    s.allianceBooks.addCostEntry(manager, id, {
      partyId: f.party(party),
      bookedOn,
      category,
      amount,
      auditReference: `${party}-${bookedOn}`,
      description,
      ...(category === "ownerOutside" ? { countsTowardTarget: false } : {}),
    });
  await book("Kasvupalvelut Oy", "2025-05-01", "reimbursable", euros(800_000));
  await book("Kasvupalvelut Oy", "2025-05-31", "fee", euros(60_000));
  await book("Kasvupalvelut Oy", "2025-06-30", "ownerOutside", euros(1_000), "=ei kaava");
  const settled = await s.allianceSettlements.calculate(manager, id, { year: 2025 });
  const board = f.alliance.members.filter((m) => m.board);
  const decision = await s.allianceDecisions.record(manager, id, {
    proposal: "Hyväksytään vuoden 2025 väliselvitys",
    decidedOn: "2026-01-27",
    requiresUnanimity: true,
    positions: board.map((m) => ({ personId: m.personId, position: "for" })),
    made: true,
  });
  await s.allianceSettlements.approve(manager, settled.row.id, { decisionId: decision.id });
  return { settlementId: settled.row.id };
}
