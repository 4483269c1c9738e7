import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  add,
  allocate,
  basisPointsOf,
  clamp,
  compare,
  formatMoney,
  type Money,
  max,
  maxCents,
  min,
  money,
  multiply,
  negate,
  parseMoney,
  percentOf,
  split,
  subtract,
  sum,
} from "./money.ts";
import { moneyFromJson, moneyInput, moneyJson } from "./money-schema.ts";
import { parseInput } from "./validate.ts";

const euros = (text: string): Money => {
  const parsed = parseMoney(text);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.error}`);
  return parsed.value;
};
const cents = (list: Money[]) => list.map((m) => m.cents);

/** Any amount a Money can hold, with the edges and small values well represented. */
const anyCents = fc.oneof(
  fc.bigInt({ min: -maxCents, max: maxCents }),
  fc.bigInt({ min: -100_000n, max: 100_000n }),
  fc.constantFrom(0n, 1n, -1n, maxCents, -maxCents),
);
const anyMoney = anyCents.map((c) => money(c));

describe("money: arithmetic", () => {
  it("adds, subtracts and negates exactly, and refuses mixing currencies or leaving the safe range", () => {
    expect(add(euros("0,10"), euros("0,20")).cents).toBe(30n); // 0.1 + 0.2 in floats is 0.30000000000000004
    expect(subtract(euros("100"), euros("100,01")).cents).toBe(-1n);
    expect(negate(euros("5")).cents).toBe(-500n);
    expect(sum([euros("1 234,56"), euros("0,44"), euros("-235")]).cents).toBe(100_000n);
    expect(sum([]).cents).toBe(0n);
    expect(() => add(money(1), money(1, "SEK"))).toThrow(/CURRENCY_MISMATCH/);
    expect(() => add(money(maxCents), money(1))).toThrow(/OUT_OF_RANGE/);
    expect(() => money(1.5)).toThrow(/NOT_AN_INTEGER/);
  });

  it("a + b − b == a for any amounts whose sum fits", () => {
    fc.assert(
      fc.property(anyMoney, anyMoney, (a, b) => {
        fc.pre(a.cents + b.cents <= maxCents && a.cents + b.cents >= -maxCents);
        expect(subtract(add(a, b), b)).toEqual(a);
      }),
    );
  });

  it("multiplies by a ratio, a percentage or basis points with one rounding at the end", () => {
    const total = euros("1 000,00");
    expect(percentOf(total, "33.33").cents).toBe(33_330n);
    expect(percentOf(total, 10).cents).toBe(10_000n);
    expect(basisPointsOf(total, 3000).cents).toBe(30_000n);
    expect(multiply(euros("0,05"), 1, 2).cents).toBe(3n); // 2.5 cents, half up
    expect(multiply(euros("0,05"), 1, 2, "halfEven").cents).toBe(2n);
    expect(multiply(euros("-0,05"), 1, 2).cents).toBe(-3n); // away from zero, symmetric
    expect(multiply(euros("0,07"), 1, 2, "towardZero").cents).toBe(3n);
    // A state grant with a 10 % own share: the two parts add up to the total exactly.
    const grant = euros("123 456,79");
    const ownShare = percentOf(grant, 10);
    expect(add(ownShare, subtract(grant, ownShare))).toEqual(grant);
    // Huge amounts: cents × basis points goes past 2^53 without losing a digit.
    expect(basisPointsOf(money(9_000_000_000_000_001n), 5000).cents).toBe(4_500_000_000_000_001n);
  });

  it("compares, and clamps to caps", () => {
    expect(compare(euros("1"), euros("2"))).toBe(-1);
    expect(min(euros("3"), euros("1"), euros("2")).cents).toBe(100n);
    expect(max(euros("3"), euros("1"), euros("2")).cents).toBe(300n);
    const cap = euros("50 000");
    expect(clamp(euros("72 000"), money(0), cap)).toEqual(cap);
    expect(clamp(euros("-5"), money(0), cap).cents).toBe(0n);
    expect(clamp(euros("10"), money(0), cap).cents).toBe(1000n);
  });
});

describe("money: allocation", () => {
  it("splits 100.00 € 1:1:1 into 33.34 + 33.33 + 33.33, and by percentages or weights exactly", () => {
    expect(cents(split(euros("100"), 3))).toEqual([3334n, 3333n, 3333n]);
    expect(cents(allocate(euros("100"), [1, 1, 1]))).toEqual([3334n, 3333n, 3333n]);
    expect(cents(allocate(euros("-100"), [1, 1, 1]))).toEqual([-3334n, -3333n, -3333n]);
    // Gain share between three parties by agreed percentages.
    expect(cents(allocate(euros("10 000,01"), ["33.33", "33.33", "33.34"]))).toEqual([333_300n, 333_300n, 333_401n]);
    expect(cents(allocate(euros("0,05"), [50, 30, 20]))).toEqual([3n, 1n, 1n]);
    expect(cents(allocate(euros("1"), [0, 1, 0]))).toEqual([0n, 100n, 0n]);
    expect(() => allocate(euros("1"), [0, 0])).toThrow(/BAD_WEIGHTS/);
    expect(() => allocate(euros("1"), [-1, 2])).toThrow(/BAD_WEIGHTS/);
  });

  it("never loses or makes a cent: the parts sum to the whole, each within a cent of its exact share", () => {
    const weights = fc
      .array(fc.oneof(fc.nat(1000), fc.bigInt({ min: 0n, max: 10n ** 12n })), { minLength: 1, maxLength: 12 })
      .filter((ws) => ws.some((w) => BigInt(w) > 0n));
    fc.assert(
      fc.property(anyMoney, weights, (amount, ws) => {
        const parts = allocate(amount, ws);
        expect(parts).toHaveLength(ws.length);
        expect(sum(parts)).toEqual(amount);
        const total = ws.reduce<bigint>((s, w) => s + BigInt(w), 0n);
        parts.forEach((part, i) => {
          const error = part.cents * total - amount.cents * BigInt(ws[i] ?? 0);
          expect(error < 0n ? -error : error).toBeLessThan(total);
        });
      }),
    );
  });

  it("split into n parts sums to the whole and the parts differ by at most a cent", () => {
    fc.assert(
      fc.property(anyMoney, fc.integer({ min: 1, max: 50 }), (amount, n) => {
        const parts = split(amount, n);
        expect(sum(parts)).toEqual(amount);
        const values = cents(parts).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const spread = (values.at(-1) ?? 0n) - (values[0] ?? 0n);
        expect(spread <= 1n).toBe(true);
      }),
    );
  });
});

describe("money: typed amounts", () => {
  it.each([
    ["1 234,56", 123_456n],
    ["1\u00a0234,56\u00a0€", 123_456n],
    ["1234.56", 123_456n],
    ["1234,5", 123_450n],
    ["1 234,56 €", 123_456n],
    ["€1,234.56", 123_456n],
    ["1,234,567.80", 123_456_780n],
    ["1.234.567,80", 123_456_780n],
    ["EUR 10", 1000n],
    ["10 eur", 1000n],
    ["-12,50", -1250n],
    ["\u22121 234,56 €", -123_456n],
    ["-€0.50", -50n],
    ["€-0.50", -50n],
    ["+3", 300n],
    ["  7  ", 700n],
    ["0", 0n],
  ])("reads %j as %s cents", (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: money(expected) });
  });

  it.each([
    ["", "money.invalid"],
    ["abc", "money.invalid"],
    ["12abc", "money.invalid"],
    ["1,2,3", "money.invalid"],
    ["12 34,56", "money.invalid"],
    ["1,23.45", "money.invalid"],
    ["1.", "money.invalid"],
    [",5", "money.invalid"],
    ["--5", "money.invalid"],
    ["-5-", "money.invalid"],
    ["€5€", "money.invalid"],
    ["$5", "money.invalid"],
    ["1e5", "money.invalid"],
    ["0x10", "money.invalid"],
    ["Infinity", "money.invalid"],
    ["1,234", "money.tooManyDecimals"],
    ["1.005", "money.tooManyDecimals"],
    ["1 234,567 €", "money.tooManyDecimals"],
    ["90 071 992 547 409,92", "money.outOfRange"],
    ["99999999999999999999999999", "money.outOfRange"],
  ])("refuses %j with %s", (text, error) => {
    expect(parseMoney(text)).toEqual({ ok: false, error });
  });

  it("formats in Finnish, Swedish and English without float rounding, also for huge and negative amounts", () => {
    expect(formatMoney(euros("1234,56"), "fi")).toBe("1\u00a0234,56\u00a0€");
    expect(formatMoney(euros("1234,56"), "sv")).toBe("1\u00a0234,56\u00a0€");
    expect(formatMoney(euros("1234,56"), "en")).toBe("€1,234.56");
    expect(formatMoney(euros("-0,5"), "fi")).toBe("\u22120,50\u00a0€");
    expect(formatMoney(euros("-0,5"), "en")).toBe("-€0.50");
    expect(formatMoney(money(0), "en")).toBe("€0.00");
    expect(formatMoney(money(maxCents), "en")).toBe("€90,071,992,547,409.91");
    expect(formatMoney(euros("10"), "fi", { currencyDisplay: "code" })).toMatch(/^10,00\sEUR$/);
  });

  it.each(["fi", "sv", "en"] as const)("formatting then parsing gives the same amount in %s", (locale) => {
    fc.assert(
      fc.property(anyMoney, (amount) => {
        expect(parseMoney(formatMoney(amount, locale))).toEqual({ ok: true, value: amount });
      }),
    );
  });
});

describe("money: schemas", () => {
  const schema = z.object({ budget: moneyInput({ min: money(0) }) });

  it("takes cents from JSON and a decimal string from forms", () => {
    expect(parseInput(schema, { budget: 123456 }, "fi").budget).toEqual(money(123_456));
    expect(parseInput(schema, { budget: "1 234,56 €" }, "fi").budget).toEqual(money(123_456));
  });

  it("refuses a bad amount with a message in the caller's language", () => {
    const issue = (input: unknown, locale: "fi" | "sv" | "en") => {
      try {
        parseInput(schema, { budget: input }, locale);
      } catch (error) {
        return (error as { issues: unknown[] }).issues;
      }
      return [];
    };
    expect(issue("12,345", "fi")).toEqual([
      { path: "budget", message: "Summassa voi olla enintään kaksi desimaalia (senttiä), esimerkiksi 1 234,56." },
    ]);
    expect(issue("abc", "sv")).toEqual([
      { path: "budget", message: "Skriv beloppet med siffror, till exempel 1 234,56." },
    ]);
    expect(issue("-1", "en")).toEqual([{ path: "budget", message: "The amount cannot be negative." }]);
    // Fractional or unsafe cents from JSON: Zod's own (translated) messages on the same field.
    for (const bad of [12.5, 2 ** 53, true]) {
      expect(issue(bad, "en")).toEqual(expect.arrayContaining([expect.objectContaining({ path: "budget" })]));
    }
  });

  it("gives presenters { cents, currency } and reads it back", () => {
    expect(moneyJson(euros("1 234,56"))).toEqual({ cents: 123456, currency: "EUR" });
    expect(JSON.stringify(moneyJson(money(maxCents)))).toBe('{"cents":9007199254740991,"currency":"EUR"}');
    expect(moneyFromJson({ cents: -5, currency: "EUR" })).toEqual(money(-5));
  });
});
