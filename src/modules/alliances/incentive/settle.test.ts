import { describe, expect, it } from "vitest";
import { type Money, money, parseMoney, sum } from "../../../core/money.ts";
import { type IncentiveModel, type IncentiveModelInput, incentiveModelSchema } from "./model.ts";
import { type CostEntryInput, SettlementInputError, settleYear, settleYears } from "./settle.ts";
import { describeStep, traceStep } from "./steps.ts";

/** "178.25 M€" style figures of the issue, as exact Money. */
const meur = (millions: string): Money => {
  const parsed = parseMoney(millions);
  if (!parsed.ok) throw new Error(millions);
  return money(parsed.value.cents * 1_000_000n);
};
const eur = (text: string): Money => {
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

const parse = (input: IncentiveModelInput): IncentiveModel => incentiveModelSchema.parse(input);
const cents = (m: Money) => Number(m.cents);

/** The books of a year: reimbursed costs and the fee, both counting toward the target, and one owner cost outside. */
const books = (actualMillions: string, feeMillions: string): CostEntryInput[] => {
  const actual = meur(actualMillions);
  const fee = meur(feeMillions);
  return [
    {
      id: "c-work",
      amount: money(actual.cents - fee.cents - 100_000_00n),
      category: "reimbursable",
      countsTowardTarget: true,
    },
    { id: "c-sub", amount: money(100_000_00n), category: "subcontract", countsTowardTarget: true },
    { id: "c-fee", amount: fee, category: "fee", countsTowardTarget: true },
    { id: "c-owner", amount: money(2_500_000_00n), category: "ownerOutside", countsTowardTarget: false },
  ];
};

// Case 1 (project alliance, national alliance guidelines): 50:50 over the whole range, pain capped at the 10 M€ fee.
const fiftyFiftyInput: IncentiveModelInput = {
  version: 1,
  validFrom: "2025-01-01",
  years: [{ year: 2025, baseTarget: cents(meur("180.3")) }],
  gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
  painBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }],
  providerShares: [
    { partyId: "builder", shareBasisPoints: 6000 },
    { partyId: "designer", shareBasisPoints: 4000 },
  ],
  ownerShares: [
    { partyId: "region", shareBasisPoints: 5000 },
    { partyId: "city", shareBasisPoints: 3000 },
    { partyId: "town", shareBasisPoints: 2000 },
  ],
};
const fiftyFifty = parse(fiftyFiftyInput);

describe("50:50 gain/pain on a 180.3 M€ target, pain capped at the providers' 10 M€ fee (the default cap)", () => {
  it("underrun 4.1 M€: the providers get +2.05 M€ and the owner pays 176.2 M€ actual + 2.05 M€ = 178.25 M€", () => {
    const s = settleYear(fiftyFifty, { year: 2025, costs: books("176.2", "10") });
    expect(s.kind).toBe("final");
    expect(s.target).toEqual(meur("180.3"));
    expect(s.actual).toEqual(meur("176.2"));
    expect(s.outsideTarget).toEqual(meur("2.5"));
    expect(s.difference).toEqual(meur("4.1"));
    expect(s.outcome).toBe("gain");
    expect(s.providersGain).toEqual(meur("2.05"));
    expect(s.ownersGain).toEqual(meur("2.05"));
    expect(s.incentive).toEqual(meur("2.05"));
    expect(s.ownersPayment).toEqual(meur("178.25"));
    expect(s.providerParts.map((p) => p.total)).toEqual([meur("1.23"), meur("0.82")]);
    expect(s.ownerParts.map((p) => p.payment)).toEqual([eur("89125000"), eur("53475000"), eur("35650000")]);
    const region = s.steps.find((x) => x.id === s.ownerParts[0]?.step);
    expect(region && describeStep(region, "en", { region: "Uusimaa" })).toBe(
      "Uusimaa (50%) pays of €178,250,000.00 the part €89,125,000.00.",
    );
    const payment = s.steps.find((x) => x.id === s.trace.ownersPayment);
    expect(payment && describeStep(payment, "en")).toBe(
      "The owners pay: reimbursable costs €166,200,000.00 + fee €10,000,000.00 + the providers' gain €2,050,000.00 − the providers' pain €0.00 + key result area incentive €0.00 = €178,250,000.00.",
    );
  });

  it("overrun 10 M€: the providers bear −5.0 M€ (half, within the fee) and the owner pays 190.3 − 5.0 = 185.3 M€", () => {
    const s = settleYear(fiftyFifty, { year: 2025, costs: books("190.3", "10") });
    expect(s.difference).toEqual(meur("-10"));
    expect(s.outcome).toBe("pain");
    expect(s.painCap).toEqual(meur("10"));
    expect(s.providersPain).toEqual(meur("5"));
    expect(s.incentive).toEqual(meur("-5"));
    expect(s.ownersPain).toEqual(meur("5"));
    expect(s.ownersPayment).toEqual(meur("185.3"));
    expect(s.providerParts.map((p) => p.incentive)).toEqual([meur("-3"), meur("-2")]);
  });

  it("overrun 30 M€: half would be 15 M€, the providers bear −10.0 M€ (capped at the fee) and the owner carries 20 M€", () => {
    const s = settleYear(fiftyFifty, { year: 2025, costs: books("210.3", "10") });
    expect(s.pain).toEqual(meur("30"));
    expect(s.providersShare).toEqual(meur("-15"));
    expect(s.providersPain).toEqual(meur("10"));
    expect(s.incentive).toEqual(meur("-10"));
    expect(s.ownersPain).toEqual(meur("20"));
    expect(s.ownersPayment).toEqual(meur("200.3"));
    const cap = s.steps.find((x) => x.id === s.trace.providersPain);
    expect(cap?.text).toBe("alliances.step.painCapFee");
    expect(cap && describeStep(cap, "fi")).toContain("palkkio 10\u00a0000\u00a0000,00\u00a0€");
  });
});

// Case 2 (Väylävirasto's target-price maintenance contracts): 30 % shares, a ceiling at 110 % of the target with
// 100 % above it, an annual gain cap of 3 % of the target with carry-over; two years, so 2025 is an interim year.
const maintenanceInput: IncentiveModelInput = {
  version: 1,
  validFrom: "2025-01-01",
  years: [
    { year: 2025, baseTarget: cents(meur("10")) },
    { year: 2026, baseTarget: cents(meur("10")) },
  ],
  gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 3000 }],
  painBands: [
    { toBasisPointsOfTarget: 1000, providersShareBasisPoints: 3000 },
    { toBasisPointsOfTarget: null, providersShareBasisPoints: 10_000 },
  ],
  annualGainCap: { basisPointsOfTarget: 300 },
  providerShares: [{ partyId: "contractor", shareBasisPoints: 10_000 }],
  ownerShares: [{ partyId: "agency", shareBasisPoints: 10_000 }],
};
const maintenance = parse(maintenanceInput);

describe("target 10.0 M€, ceiling 11.0 M€, 30 % shares, 3 % annual gain cap with carry-over", () => {
  const year2025 = (actual: string) => settleYear(maintenance, { year: 2025, costs: books(actual, "1") });

  it("actual 9.2 M€: 30 % of the 0.8 M€ gain, +0.24 M€, is within the 0.30 M€ annual cap", () => {
    const s = year2025("9.2");
    expect(s.kind).toBe("interim");
    expect(s.annualGainCap).toEqual(meur("0.3"));
    expect(s.incentive).toEqual(meur("0.24"));
    expect(s.carriedOut).toEqual(meur("0"));
  });

  it("actual 8.5 M€: 30 % of 1.5 M€ is 0.45 M€; +0.30 M€ is paid and 0.15 M€ carried to the next year", () => {
    const s = year2025("8.5");
    expect(s.providersGain).toEqual(meur("0.45"));
    expect(s.incentive).toEqual(meur("0.3"));
    expect(s.carriedOut).toEqual(meur("0.15"));
    expect(s.ownersPayment).toEqual(meur("8.8"));
  });

  it("actual 10.6 M€: an overrun within the ceiling, the provider pays 30 % of 0.6 M€ = 0.18 M€", () => {
    const s = year2025("10.6");
    expect(s.incentive).toEqual(meur("-0.18"));
    expect(s.painCharged).toEqual(meur("0.18"));
    expect(s.ownersPayment).toEqual(meur("10.42"));
  });

  it("actual 11.5 M€: 30 % of 1.0 M€ up to the ceiling + 100 % of 0.5 M€ above it, the provider pays 0.80 M€", () => {
    const s = year2025("11.5");
    const bands = s.steps.filter((x) => x.id.startsWith("band.pain."));
    expect(bands.map((b) => b.result)).toEqual([
      { kind: "money", value: meur("0.3") },
      { kind: "money", value: meur("0.5") },
    ]);
    expect(s.providersPain).toEqual(meur("0.8"));
    expect(s.incentive).toEqual(meur("-0.8"));
  });

  it("the carried 0.15 M€ is paid in the last year, which has no annual cap", () => {
    const { years, totals } = settleYears(maintenance, [
      { year: 2025, costs: books("8.5", "1") },
      { year: 2026, costs: books("8.5", "1") },
    ]);
    expect(years[1]?.kind).toBe("final");
    expect(years[1]?.carriedIn).toEqual(meur("0.15"));
    expect(years[1]?.annualGainCap).toBeNull();
    expect(years[1]?.incentive).toEqual(meur("0.6"));
    expect(years[1]?.carriedOut).toEqual(meur("0"));
    expect(totals.kind).toBe("final");
    expect(totals.incentive).toEqual(meur("0.9"));
    expect(totals.providers[0]?.total).toEqual(meur("0.9"));
    expect(totals.owners[0]?.payment).toEqual(sum([meur("17"), meur("0.9")]));
  });

  it("a carried gain nets against a later year's pain", () => {
    const { years } = settleYears(maintenance, [
      { year: 2025, costs: books("8.5", "1") },
      { year: 2026, costs: books("10.6", "1") },
    ]);
    expect(years[1]?.incentive).toEqual(meur("-0.03"));
    expect(years[1]?.carriedOut).toEqual(meur("0"));
  });
});

describe("KPI points, 76 promised: bonus 0.0013 and sanction 0.0033 × points difference × the 10 M€ target", () => {
  const model = parse({
    ...maintenanceInput,
    years: [{ year: 2025, baseTarget: cents(meur("10")) }],
    gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 3000 }],
    painBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 3000 }],
    annualGainCap: null,
    kra: { kind: "perPoint", promisedPoints: "76", bonusBasisPointsPerPoint: 13, sanctionBasisPointsPerPoint: 33 },
  });

  it("80 points: bonus 0.0013 × 4 × 10 M€ = 52,000 €, added to the owners' payment", () => {
    const s = settleYear(model, { year: 2025, costs: books("10", "1"), kra: { achievedPoints: "80" } });
    expect(s.kraPayout).toEqual(eur("52000"));
    expect(s.ownersPayment).toEqual(add2(meur("10"), eur("52000")));
    expect(s.providerParts[0]?.kraPayout).toEqual(eur("52000"));
  });

  it("72 points: sanction 0.0033 × (−4) × 10 M€ = −132,000 €", () => {
    const s = settleYear(model, { year: 2025, costs: books("10", "1"), kra: { achievedPoints: "72" } });
    expect(s.kraPayout).toEqual(eur("-132000"));
    const step = s.steps.find((x) => x.id === "kra");
    expect(step && describeStep(step, "en")).toBe(
      "Sanction 0.33% × (achieved 72 − promised 76 points = -4) × target €10,000,000.00 = -€132,000.00.",
    );
  });

  it("refuses a settlement without the year's points", () => {
    expect(() => settleYear(model, { year: 2025, costs: [] })).toThrow(SettlementInputError);
  });
});

const add2 = (a: Money, b: Money) => sum([a, b]);

describe("target adjustments and index", () => {
  it("adds the year's approved adjustments, then applies the index once, rounding half a cent up", () => {
    const model = parse({
      ...fiftyFiftyInput,
      years: [{ year: 2025, baseTarget: cents(meur("10")), index: { numerator: 1127, denominator: 1083 } }],
      adjustments: [
        { year: 2025, amount: cents(eur("500000")), reason: "Lisätty palvelu", approvedOn: "2025-03-01" },
        { year: 2025, amount: cents(eur("-100000")), reason: "Poistettu kohde", approvedOn: "2025-06-01" },
      ],
    });
    const s = settleYear(model, { year: 2025, costs: books("10", "1") });
    // 10 400 000.00 × 1127 / 1083 = 10 822 530.0092… → 10 822 530.01
    expect(s.target).toEqual(eur("10822530.01"));
    const traced = traceStep(s.steps, s.trace.ownersPayment);
    expect(traced.adjustmentIndexes).toEqual([0, 1]);
    expect(traced.costEntryIds.sort()).toEqual(["c-fee", "c-sub", "c-work"]);
    expect(traced.modelPaths).toContain("years.0.index");
  });

  it("refuses a year the model does not have", () => {
    expect(() => settleYear(fiftyFifty, { year: 2030, costs: [] })).toThrow(SettlementInputError);
  });
});

describe("KRA bonus pool", () => {
  const model = parse({
    ...maintenanceInput,
    years: [{ year: 2025, baseTarget: cents(meur("10")) }],
    annualGainCap: null,
    kra: {
      kind: "pool",
      pool: cents(eur("100000")),
      areas: [
        {
          id: "customers",
          name: "Asiakkaat",
          weightBasisPoints: 6000,
          measures: [
            {
              id: "placed",
              name: "Työllistyneet",
              weightBasisPoints: 5000,
              baseline: 20,
              target: 30,
              poor: 20,
              outstanding: 40,
            },
            {
              id: "waiting",
              name: "Odotusaika, pv",
              weightBasisPoints: 5000,
              baseline: 30,
              target: 14,
              poor: 21,
              outstanding: 7,
            },
          ],
        },
        {
          id: "cooperation",
          name: "Yhteistyö",
          weightBasisPoints: 4000,
          measures: [
            {
              id: "survey",
              name: "Kysely",
              weightBasisPoints: 10_000,
              baseline: 3,
              target: 4,
              poor: 3,
              outstanding: 5,
            },
          ],
        },
      ],
    },
  });

  it("scores each measure −100…+100 between poor, target and outstanding and pays pool × weighted score / 100", () => {
    // placed 35 → +50; waiting 21 → −100 (poor, lower is better); survey 6 → +100 (held at outstanding).
    // customers = 0.5 × 50 + 0.5 × (−100) = −25; total = 0.6 × (−25) + 0.4 × 100 = 25 → 25 000 €.
    const s = settleYear(model, {
      year: 2025,
      costs: books("10", "1"),
      kra: { measures: { placed: "35", waiting: "21", survey: "6" } },
    });
    expect(s.kraPayout).toEqual(eur("25000"));
    const area = s.steps.find((x) => x.id === "kra.area.customers");
    expect(area?.result).toEqual({ kind: "ratio", value: { numerator: -25n, denominator: 1n } });
  });

  it("refuses a settlement with a measure's result missing", () => {
    expect(() =>
      settleYear(model, { year: 2025, costs: [], kra: { measures: { placed: "35", waiting: "21" } } }),
    ).toThrow(SettlementInputError);
  });
});

describe("the steps", () => {
  it("render in every language with every placeholder filled", () => {
    const s = settleYear(maintenance, { year: 2025, costs: books("11.5", "1") });
    for (const locale of ["fi", "sv", "en"] as const)
      for (const step of s.steps) expect(describeStep(step, locale), step.id).not.toMatch(/[{}]/);
  });
});
