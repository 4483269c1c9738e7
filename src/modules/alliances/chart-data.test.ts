import { describe, expect, it } from "vitest";
import { allianceCharts } from "../../../app/ui/alliances/charts.server.ts";
import { money } from "../../core/money.ts";
import type { CostEntryRow } from "./books.ts";
import { cumulativeMonths, kraYears } from "./chart-data.ts";
import { incentiveModelSchema } from "./incentive/model.ts";
import { settleYears } from "./incentive/settle.ts";
import { presentAllianceCharts } from "./presenters.ts";

const model = incentiveModelSchema.parse({
  version: 1,
  validFrom: "2025-01-01",
  years: [
    { year: 2025, baseTarget: 120_000_000 },
    { year: 2026, baseTarget: 60_000_000 },
  ],
  gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
  painBands: [
    { toBasisPointsOfTarget: 1000, providersShareBasisPoints: 3000 },
    { toBasisPointsOfTarget: null, providersShareBasisPoints: 10000 },
  ],
  providerShares: [{ partyId: "p", shareBasisPoints: 10000 }],
  ownerShares: [{ partyId: "o", shareBasisPoints: 10000 }],
  kra: { kind: "perPoint", promisedPoints: "76", bonusBasisPointsPerPoint: 13, sanctionBasisPointsPerPoint: 33 },
});

const entry = (id: string, bookedOn: string, cents: bigint, countsTowardTarget = true) =>
  ({ id, bookedOn, amountCents: cents, countsTowardTarget, category: "reimbursable", partyId: "p" }) as CostEntryRow;

describe("alliance charts", () => {
  it("accumulates the counted cost month by month against the target spread over the months and its ceiling", () => {
    const entries = [
      entry("a", "2025-01-15", 10_000_000n),
      entry("b", "2025-03-02", 5_000_000n),
      entry("c", "2025-03-20", 99_999n, false),
    ];
    const months = cumulativeMonths(entries, [2025, 2026], model, "EUR");
    expect(months.length).toBe(24);
    expect(months[0]).toEqual({
      month: "2025-01",
      actual: money(10_000_000n),
      target: money(10_000_000n),
      floor: null,
      ceiling: money(11_000_000n),
    });
    // Entries not counting toward the target are left out; after the last booked month there is no actual.
    expect(months[2]?.actual).toEqual(money(15_000_000n));
    expect(months[3]?.actual).toBeNull();
    // The second year adds its own target on top of the first year's whole.
    expect(months[11]?.target).toEqual(money(120_000_000n));
    expect(months[12]?.target).toEqual(money(125_000_000n));
    expect(months[23]?.ceiling).toEqual(money(198_000_000n));
  });

  it("draws the KRA points of each settled year and every chart with its numbers", () => {
    const result = settleYears(model, [
      { year: 2025, costs: [], kra: { achievedPoints: "80" } },
      { year: 2026, costs: [], kra: { achievedPoints: "72" } },
    ]);
    const kra = kraYears(result);
    expect(kra.map((y) => [y.year, y.promised, y.achieved])).toEqual([
      [2025, "76", "80"],
      [2026, "76", "72"],
    ]);
    const presented = presentAllianceCharts({
      currency: "EUR",
      parties: [{ id: "00000000-0000-4000-8000-000000000001", name: "Kasvupalvelut Oy" }],
      books: [
        {
          year: 2025,
          partyId: "00000000-0000-4000-8000-000000000001",
          budget: money(50_000_000n),
          actual: money(40_000_050n),
          towardTarget: money(40_000_050n),
        },
      ],
      cumulative: cumulativeMonths([], [2025], model, "EUR"),
      kra: { kind: "perPoint", years: kra },
    });
    const charts = allianceCharts(presented, "EUR", "en");
    expect(charts.map((c) => c.title)).toEqual([
      "Budget and actual 2025",
      "Cumulative cost against the target cost",
      "Key result area scores",
    ]);
    expect(charts[0]?.series.map((s) => s.points)).toEqual([
      [{ x: "Kasvupalvelut Oy", y: 500_000 }],
      [{ x: "Kasvupalvelut Oy", y: 400_000.5 }],
    ]);
    for (const chart of charts) expect(chart.svg).toContain("<svg");
  });
});
