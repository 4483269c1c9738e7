import { describe, expect, it } from "vitest";
import { money } from "../../../core/money.ts";
import { incentiveCatalogs, incentiveFi, incentiveText } from "./messages.ts";
import { type IncentiveModelInput, incentiveModelSchema } from "./model.ts";

const valid: IncentiveModelInput = {
  version: 1,
  validFrom: "2025-01-01",
  years: [{ year: 2025, baseTarget: "10 000 000,00" }],
  gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 3000 }],
  painBands: [
    { toBasisPointsOfTarget: 1000, providersShareBasisPoints: 3000 },
    { toBasisPointsOfTarget: null, providersShareBasisPoints: 10_000 },
  ],
  providerShares: [
    { partyId: "a", shareBasisPoints: 5000 },
    { partyId: "b", shareBasisPoints: 5000 },
  ],
  ownerShares: [{ partyId: "o", shareBasisPoints: 10_000 }],
};

/** The issues as [path, message key]. */
const issues = (input: unknown) => {
  const result = incentiveModelSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join("."), i.message]);
};

describe("the incentive model's schema", () => {
  it("reads a typed amount and fills the defaults: pain cap = the fee, no gain cap, index 1/1, no KRA", () => {
    const model = incentiveModelSchema.parse(valid);
    expect(model.years[0]?.baseTarget).toEqual(money(1_000_000_000n));
    expect(model.years[0]?.index).toEqual({ numerator: 1, denominator: 1 });
    expect(model.painCap).toEqual({ kind: "fee" });
    expect(model.gainCap).toEqual({ kind: "none" });
    expect(model.annualGainCap).toBeNull();
    expect(model.kra).toEqual({ kind: "none" });
    expect(model.adjustments).toEqual([]);
  });

  it("refuses providers' shares that do not add up to 100 %, naming the field", () => {
    expect(
      issues({
        ...valid,
        providerShares: [
          { partyId: "a", shareBasisPoints: 5000 },
          { partyId: "b", shareBasisPoints: 4000 },
        ],
      }),
    ).toEqual([["providerShares", "alliances.model.providerSharesSum"]]);
    expect(incentiveText("fi", "alliances.model.providerSharesSum")).toBe(
      "Palveluntuottajien osuuksien summan pitää olla tasan 100 %.",
    );
  });

  it("refuses owners' shares off 100 % and a party listed twice", () => {
    expect(
      issues({
        ...valid,
        ownerShares: [
          { partyId: "o", shareBasisPoints: 6000 },
          { partyId: "o", shareBasisPoints: 6000 },
        ],
      }),
    ).toEqual([
      ["ownerShares", "alliances.model.ownerSharesSum"],
      ["ownerShares.1.partyId", "alliances.model.partyTwice"],
    ]);
  });

  it("refuses bands out of order or with an end on the last band", () => {
    expect(
      issues({
        ...valid,
        painBands: [
          { toBasisPointsOfTarget: 1000, providersShareBasisPoints: 3000 },
          { toBasisPointsOfTarget: 500, providersShareBasisPoints: 5000 },
          { toBasisPointsOfTarget: null, providersShareBasisPoints: 10_000 },
        ],
        gainBands: [{ toBasisPointsOfTarget: 1000, providersShareBasisPoints: 3000 }],
      }),
    ).toEqual([
      ["gainBands.0.toBasisPointsOfTarget", "alliances.model.bandsOrder"],
      ["painBands.1.toBasisPointsOfTarget", "alliances.model.bandsOrder"],
    ]);
  });

  it("refuses a band share over 100 %, negative caps and a negative target, each with its field's message", () => {
    expect(
      issues({
        ...valid,
        years: [{ year: 2025, baseTarget: -1 }],
        gainBands: [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 10_001 }],
        gainCap: { kind: "amount", amount: "-5" },
        painCap: { kind: "amount", amount: -100 },
      }),
    ).toEqual([
      ["years.0.baseTarget", "alliances.model.baseTargetNegative"],
      ["gainBands.0.providersShareBasisPoints", "alliances.model.bandShare"],
      ["gainCap.amount", "alliances.model.gainCapNegative"],
      ["painCap.amount", "alliances.model.painCapNegative"],
    ]);
  });

  it("refuses impossible dates, years out of order and an adjustment for a year the model does not have", () => {
    expect(
      issues({
        ...valid,
        validFrom: "2025-02-30",
        years: [
          { year: 2026, baseTarget: 1 },
          { year: 2025, baseTarget: 1 },
        ],
        adjustments: [{ year: 2027, amount: 100, reason: "Laajennus", approvedOn: "2025-13-01" }],
      }),
    ).toEqual([
      ["validFrom", "alliances.model.validFrom"],
      ["adjustments.0.approvedOn", "alliances.model.adjustmentApprovedOn"],
      ["years.1.year", "alliances.model.yearsOrder"],
      ["adjustments.0.year", "alliances.model.adjustmentYear"],
    ]);
  });

  const kraWith = (measures: unknown[], weightBasisPoints = 10_000) => ({
    ...valid,
    kra: { kind: "pool", pool: 100, areas: [{ id: "x", name: "X", weightBasisPoints, measures }] },
  });

  it("refuses KRA area weights off 100 % and levels out of order", () => {
    expect(
      issues(
        kraWith(
          [
            { id: "m", name: "M", weightBasisPoints: 6000, baseline: 1, target: 5, poor: 6, outstanding: 9 },
            { id: "m", name: "N", weightBasisPoints: 4000, baseline: "1,5", target: "2", poor: "1", outstanding: 3 },
          ],
          9000,
        ),
      ),
    ).toEqual([
      ["kra.areas", "alliances.model.kraAreaWeightsSum"],
      ["kra.areas.0.measures.1.id", "alliances.model.kraIdTwice"],
      ["kra.areas.0.measures.0", "alliances.model.kraLevelsOrder"],
    ]);
  });

  it("refuses a measure's weights off 100 % and a level that is not a decimal", () => {
    expect(
      issues(
        kraWith([{ id: "m", name: "M", weightBasisPoints: 5000, baseline: 1, target: 5, poor: 1, outstanding: 9 }]),
      ),
    ).toEqual([["kra.areas.0.measures", "alliances.model.kraMeasureWeightsSum"]]);
    expect(
      issues(
        kraWith([{ id: "m", name: "M", weightBasisPoints: 10_000, baseline: 1, target: 5, poor: 1, outstanding: "x" }]),
      ),
    ).toEqual([["kra.areas.0.measures.0.outstanding", "alliances.model.kraLevel"]]);
  });
});

describe("the incentive engine's texts", () => {
  const keys = Object.keys(incentiveFi).sort();
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();

  it.each(["sv", "en"] as const)("%s has every Finnish key, none empty, with the same placeholders", (locale) => {
    const catalog = incentiveCatalogs[locale] as Record<string, string>;
    expect(Object.keys(catalog).sort()).toEqual(keys);
    for (const key of keys) {
      expect(catalog[key]?.trim(), key).not.toBe("");
      expect(placeholders(catalog[key] ?? ""), key).toEqual(
        placeholders((incentiveFi as Record<string, string>)[key] ?? ""),
      );
    }
  });

  it("prefixes every key with alliances.", () => {
    expect(keys.filter((k) => !k.startsWith("alliances."))).toEqual([]);
  });
});
