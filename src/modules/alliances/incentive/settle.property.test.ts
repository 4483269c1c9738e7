import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { add, type Money, maxCents, money, subtract, sum } from "../../../core/money.ts";
import type { GainCap, IncentiveModel, KraScheme, PainCap, PartyShare, ShareBand } from "./model.ts";
import { type CostCategory, type CostEntryInput, settleYears, splitByShares } from "./settle.ts";

/** Shares in basis points that add up to exactly 10 000 (zero shares included), for 1–6 parties. */
const shares = (prefix: string): fc.Arbitrary<PartyShare[]> =>
  fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 0, maxLength: 5 }).map((cuts) => {
    const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
    return points.slice(1).map((p, i) => ({ partyId: `${prefix}${i}`, shareBasisPoints: p - (points[i] ?? 0) }));
  });

/** 1–4 bands with increasing limits (up to 50 % of the target), the last one open. */
const bands: fc.Arbitrary<ShareBand[]> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 1, max: 5000 }), { maxLength: 3 }),
    fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 }),
  )
  .map(([limits, rates]) => [
    ...limits
      .sort((a, b) => a - b)
      .map((to, i) => ({ toBasisPointsOfTarget: to, providersShareBasisPoints: rates[i] ?? 0 })),
    { toBasisPointsOfTarget: null, providersShareBasisPoints: rates[3] ?? 0 },
  ]);

const cents = (max: bigint, min = 0n) => fc.bigInt({ min, max }).map((c) => money(c));

const gainCap: fc.Arbitrary<GainCap> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  cents(10n ** 10n).map((amount) => ({ kind: "amount" as const, amount })),
);
const painCap: fc.Arbitrary<PainCap> = fc.oneof(
  fc.constant({ kind: "fee" as const }),
  fc.constant({ kind: "none" as const }),
  cents(10n ** 10n).map((amount) => ({ kind: "amount" as const, amount })),
);

const decimal = fc
  .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 99 }))
  .map(([whole, hundredths]) => `${whole}.${String(hundredths).padStart(2, "0")}`);

/** A measure's levels in either direction: poor < target < outstanding, or the reverse. */
const levels = fc
  .tuple(fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 4, maxLength: 4 }), fc.boolean())
  .map(([values, up]) => {
    const [poor, target, outstanding, baseline] = values
      .slice(0, 3)
      .sort((a, b) => (up ? a - b : b - a))
      .concat(values[3] ?? 0)
      .map(String) as [string, string, string, string];
    return { poor, target, outstanding, baseline };
  });

const kra: fc.Arbitrary<KraScheme> = fc.oneof(
  fc.constant({ kind: "none" as const }),
  fc.record({
    kind: fc.constant("perPoint" as const),
    promisedPoints: decimal,
    bonusBasisPointsPerPoint: fc.integer({ min: 0, max: 100 }),
    sanctionBasisPointsPerPoint: fc.integer({ min: 0, max: 100 }),
  }),
  fc.tuple(cents(10n ** 9n), levels, levels, fc.integer({ min: 0, max: 10_000 })).map(
    ([pool, a, b, weight]): KraScheme => ({
      kind: "pool",
      pool,
      areas: [
        {
          id: "area",
          name: "Area",
          weightBasisPoints: 10_000,
          measures: [
            { id: "m1", name: "M1", weightBasisPoints: weight, ...a },
            { id: "m2", name: "M2", weightBasisPoints: 10_000 - weight, ...b },
          ],
        },
      ],
    }),
  ),
);

const category = fc.constantFrom<CostCategory>("reimbursable", "overhead", "subcontract", "fee", "ownerOutside");
const costs = (year: number): fc.Arbitrary<CostEntryInput[]> =>
  fc
    .array(
      fc.record({
        amount: cents(10n ** 11n, -(10n ** 6n)),
        category,
        countsTowardTarget: fc.boolean(),
      }),
      { maxLength: 8 },
    )
    .map((list) => list.map((e, i) => ({ id: `${year}-${i}`, ...e })));

const scenario = fc
  .record({
    yearCount: fc.integer({ min: 1, max: 3 }),
    /** How many of the years are settled so far (all: the final settlement; fewer: interim ones). */
    settled: fc.integer({ min: 1, max: 3 }),
    bases: fc.array(cents(10n ** 11n), { minLength: 3, maxLength: 3 }),
    index: fc.record({ numerator: fc.integer({ min: 1, max: 2000 }), denominator: fc.integer({ min: 1, max: 2000 }) }),
    adjustment: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 10n }),
    gainBands: bands,
    painBands: bands,
    gainCap,
    painCap,
    annualGainCap: fc.option(
      fc.integer({ min: 0, max: 10_000 }).map((basisPointsOfTarget) => ({ basisPointsOfTarget })),
    ),
    providerShares: shares("p"),
    ownerShares: shares("o"),
    kra,
    books: fc.tuple(costs(2025), costs(2026), costs(2027)),
    results: fc.tuple(decimal, fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })),
  })
  .map((s) => {
    const years = Array.from({ length: s.yearCount }, (_, i) => ({
      year: 2025 + i,
      baseTarget: s.bases[i] ?? money(0),
      index: s.index,
    }));
    const model: IncentiveModel = {
      version: 1,
      validFrom: "2025-01-01",
      years,
      adjustments: [{ year: 2025, amount: money(s.adjustment), reason: "Muutos", approvedOn: "2025-02-01" }],
      gainBands: s.gainBands,
      painBands: s.painBands,
      gainCap: s.gainCap,
      painCap: s.painCap,
      annualGainCap: s.annualGainCap,
      providerShares: s.providerShares,
      ownerShares: s.ownerShares,
      kra: s.kra,
    };
    const inputs = years.slice(0, Math.min(s.settled, s.yearCount)).map((y, i) => ({
      year: y.year,
      costs: s.books[i] ?? [],
      kra: { achievedPoints: s.results[0], measures: { m1: String(s.results[1]), m2: String(s.results[2]) } },
    }));
    return { model, inputs };
  });

const total = (list: readonly Money[]) => sum(list);
const runs = { numRuns: 300 };

describe("settlement properties, for any target, bands, shares, caps, KRA and cost entries", () => {
  it("the owners pay reimbursed costs + fee + gain − pain + KRA payout, to the cent, from the books", () => {
    fc.assert(
      fc.property(scenario, ({ model, inputs }) => {
        const { years } = settleYears(model, inputs);
        years.forEach((s, i) => {
          const counting = (inputs[i]?.costs ?? []).filter((e) => e.countsTowardTarget);
          const reimbursed = total(counting.filter((e) => e.category !== "fee").map((e) => e.amount));
          const fee = total(counting.filter((e) => e.category === "fee").map((e) => e.amount));
          expect(s.reimbursed).toEqual(reimbursed);
          expect(s.fee).toEqual(fee);
          expect(s.ownersPayment).toEqual(
            add(subtract(add(add(reimbursed, fee), s.gainPaid), s.painCharged), s.kraPayout),
          );
          expect(subtract(s.gainPaid, s.painCharged)).toEqual(s.incentive);
          expect(s.gainPaid.cents === 0n || s.painCharged.cents === 0n).toBe(true);
        });
      }),
      runs,
    );
  });

  it("every split among the providers and among the owners adds up to its amount exactly", () => {
    fc.assert(
      fc.property(scenario, ({ model, inputs }) => {
        const { years, totals } = settleYears(model, inputs);
        for (const s of years) {
          expect(total(s.providerParts.map((p) => p.incentive))).toEqual(s.incentive);
          expect(total(s.providerParts.map((p) => p.kraPayout))).toEqual(s.kraPayout);
          expect(total(s.providerParts.map((p) => p.total))).toEqual(add(s.incentive, s.kraPayout));
          expect(total(s.ownerParts.map((p) => p.payment))).toEqual(s.ownersPayment);
        }
        expect(total(totals.owners.map((o) => o.payment))).toEqual(totals.ownersPayment);
        expect(total(totals.providers.map((p) => p.total))).toEqual(add(totals.incentive, totals.kraPayout));
      }),
      runs,
    );
  });

  it("splitting any amount by any shares loses and makes no cent, and each part is within a cent of its share", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -maxCents, max: maxCents }), shares("x"), (c, list) => {
        const amount = money(c);
        const parts = splitByShares(amount, list);
        expect(total(parts.map((p) => p.amount))).toEqual(amount);
        for (const p of parts) {
          const error = p.amount.cents * 10_000n - c * BigInt(p.shareBasisPoints);
          expect(error < 10_000n && error > -10_000n).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("the providers' gain and pain stay within their caps, the bands and the annual cap", () => {
    fc.assert(
      fc.property(scenario, ({ model, inputs }) => {
        const { years } = settleYears(model, inputs);
        for (const s of years) {
          expect(s.providersGain.cents >= 0n && s.providersPain.cents >= 0n).toBe(true);
          expect(s.providersGain.cents <= s.gain.cents).toBe(true);
          expect(s.providersPain.cents <= s.pain.cents).toBe(true);
          expect(s.providersGain.cents === 0n || s.providersPain.cents === 0n).toBe(true);
          if (model.gainCap.kind === "amount") expect(s.providersGain.cents <= model.gainCap.amount.cents).toBe(true);
          if (model.painCap.kind === "amount") expect(s.providersPain.cents <= model.painCap.amount.cents).toBe(true);
          if (model.painCap.kind === "fee")
            expect(s.providersPain.cents <= (s.fee.cents > 0n ? s.fee.cents : 0n)).toBe(true);
          if (s.annualGainCap) expect(s.incentive.cents <= s.annualGainCap.cents).toBe(true);
          expect(add(s.ownersGain, s.providersGain)).toEqual(s.gain);
          expect(add(s.ownersPain, s.providersPain)).toEqual(s.pain);
        }
      }),
      runs,
    );
  });

  it("the carry-over is never negative, nothing is lost through it, and the final year carries nothing", () => {
    fc.assert(
      fc.property(scenario, ({ model, inputs }) => {
        const { years, totals } = settleYears(model, inputs);
        let earned = money(0);
        years.forEach((s, i) => {
          expect(s.carriedOut.cents >= 0n).toBe(true);
          expect(s.carriedIn).toEqual(i === 0 ? money(0) : years[i - 1]?.carriedOut);
          earned = add(earned, subtract(s.providersGain, s.providersPain));
        });
        expect(add(totals.incentive, totals.carriedOut)).toEqual(earned);
        const last = years[years.length - 1];
        if (last?.kind === "final") expect(last.carriedOut).toEqual(money(0));
      }),
      runs,
    );
  });
});
