import { intlTag, type Locale } from "../i18n/locale.ts";

/**
 * Money as a whole number of cents (minor units) and a currency.
 *
 * Cents are a `bigint`: TypeScript refuses `cents * 0.3`, and no bigint
 * operation can produce a fraction, so a binary float cannot slip into a sum,
 * and products such as cents × basis points never lose digits. Every Money is
 * kept within ±(2^53 − 1) cents (about ±90 trillion euros), so it always fits a
 * PostgreSQL `bigint` and a JSON number exactly (see money-schema.ts).
 *
 * Browser-safe: no database or Zod imports.
 */
export interface Money {
  readonly cents: bigint;
  readonly currency: CurrencyCode;
}

/** Currencies with two minor units, the only kind this type represents. EUR is the default everywhere. */
export const currencyCodes = ["EUR", "SEK", "NOK", "DKK", "USD", "GBP"] as const;
export type CurrencyCode = (typeof currencyCodes)[number];
export const defaultCurrency: CurrencyCode = "EUR";

export const maxCents = BigInt(Number.MAX_SAFE_INTEGER);

/** Message keys (src/i18n/messages) of what can be wrong with a typed amount. */
export type MoneyErrorKey = "money.invalid" | "money.tooManyDecimals" | "money.outOfRange";

/** Rounding of a share that falls between two cents. */
export type Rounding =
  /** Half a cent and more away from zero ("kaupallinen pyöristys"): the default. */
  | "halfUp"
  /** Half a cent to the even cent (banker's rounding). */
  | "halfEven"
  /** Any fraction dropped, toward zero. */
  | "towardZero";

const isCurrency = (value: unknown): value is CurrencyCode =>
  typeof value === "string" && (currencyCodes as readonly string[]).includes(value);

function checked(cents: bigint, currency: CurrencyCode): Money {
  if (cents > maxCents || cents < -maxCents) throw new RangeError("MONEY_OUT_OF_RANGE");
  return Object.freeze({ cents, currency });
}

/** Money from cents: a bigint or a safe integer (a fractional number is a bug and throws). */
export function money(cents: bigint | number, currency: CurrencyCode = defaultCurrency): Money {
  if (!isCurrency(currency)) throw new RangeError(`MONEY_UNKNOWN_CURRENCY ${String(currency)}`);
  return checked(toBigInt(cents), currency);
}

export const zero = (currency: CurrencyCode = defaultCurrency): Money => money(0n, currency);

/** Cents as a JavaScript number: always exact, because every Money is within the safe range. */
export const toCentsNumber = (m: Money): number => Number(m.cents);

function toBigInt(value: bigint | number): bigint {
  if (typeof value === "bigint") return value;
  if (!Number.isSafeInteger(value)) throw new RangeError(`MONEY_NOT_AN_INTEGER ${value}`);
  return BigInt(value);
}

function same(a: Money, b: Money): CurrencyCode {
  if (a.currency !== b.currency) throw new RangeError(`MONEY_CURRENCY_MISMATCH ${a.currency} ${b.currency}`);
  return a.currency;
}

export const add = (a: Money, b: Money): Money => checked(a.cents + b.cents, same(a, b));
export const subtract = (a: Money, b: Money): Money => checked(a.cents - b.cents, same(a, b));
export const negate = (a: Money): Money => checked(-a.cents, a.currency);
export const abs = (a: Money): Money => (a.cents < 0n ? negate(a) : a);

/** The total; an empty list is zero in the given currency. */
export function sum(items: Iterable<Money>, currency: CurrencyCode = defaultCurrency): Money {
  let total = zero(currency);
  for (const item of items) total = add(total, item);
  return total;
}

/** −1, 0 or 1, for sorting. */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  same(a, b);
  return a.cents < b.cents ? -1 : a.cents > b.cents ? 1 : 0;
}
export const equals = (a: Money, b: Money): boolean => a.currency === b.currency && a.cents === b.cents;
export const isZero = (a: Money): boolean => a.cents === 0n;
export const isNegative = (a: Money): boolean => a.cents < 0n;
export const isPositive = (a: Money): boolean => a.cents > 0n;
export const lessThan = (a: Money, b: Money): boolean => compare(a, b) < 0;
export const greaterThan = (a: Money, b: Money): boolean => compare(a, b) > 0;
export const min = (first: Money, ...rest: Money[]): Money => rest.reduce((m, x) => (lessThan(x, m) ? x : m), first);
export const max = (first: Money, ...rest: Money[]): Money => rest.reduce((m, x) => (greaterThan(x, m) ? x : m), first);

/** The amount held between two bounds (a cap is `clamp(x, zero(), cap)`). */
export function clamp(a: Money, lower: Money, upper: Money): Money {
  if (greaterThan(lower, upper)) throw new RangeError("MONEY_CLAMP_BOUNDS");
  return max(lower, min(a, upper));
}

/** n / d rounded to an integer; d > 0. */
function divide(n: bigint, d: bigint, rounding: Rounding): bigint {
  const q = n / d; // truncates toward zero
  const r = n % d;
  if (r === 0n || rounding === "towardZero") return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const away = n < 0n ? q - 1n : q + 1n;
  if (twice > d) return away;
  if (twice < d) return q;
  return rounding === "halfUp" || q % 2n !== 0n ? away : q;
}

/** The amount × numerator / denominator, rounded once at the end. */
export function multiply(
  a: Money,
  numerator: bigint | number,
  denominator: bigint | number = 1n,
  rounding: Rounding = "halfUp",
): Money {
  let d = toBigInt(denominator);
  let n = toBigInt(numerator);
  if (d === 0n) throw new RangeError("MONEY_DIVIDE_BY_ZERO");
  if (d < 0n) [n, d] = [-n, -d];
  return checked(divide(a.cents * n, d, rounding), a.currency);
}

/** A non-negative decimal as digits and a power of ten: "33.33" → 3333 / 100. */
export function parseDecimal(text: string): { units: bigint; scale: bigint } {
  const match = /^(-)?(\d{1,30})(?:[.,](\d{1,12}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`MONEY_BAD_DECIMAL ${text}`);
  const fraction = match[3] ?? "";
  const units = BigInt(`${match[2]}${fraction}`);
  return { units: match[1] ? -units : units, scale: 10n ** BigInt(fraction.length) };
}

/** `percent` per cent of the amount: percentOf(x, "33.33"), percentOf(x, 10). */
export function percentOf(a: Money, percent: string | number | bigint, rounding: Rounding = "halfUp"): Money {
  const { units, scale } =
    typeof percent === "string" ? parseDecimal(percent) : { units: toBigInt(percent), scale: 1n };
  return multiply(a, units, scale * 100n, rounding);
}

/** Basis points (1/100 of a per cent) of the amount: 3000 bp = 30 %. */
export const basisPointsOf = (a: Money, basisPoints: bigint | number, rounding: Rounding = "halfUp"): Money =>
  multiply(a, basisPoints, 10_000n, rounding);

/** Weights as integers on one scale: whole numbers stay, decimal strings ("33.33") are scaled up together. */
function integerWeights(weights: readonly (bigint | number | string)[]): bigint[] {
  const parsed = weights.map((w) => (typeof w === "string" ? parseDecimal(w) : { units: toBigInt(w), scale: 1n }));
  let scale = 1n;
  for (const p of parsed) if (p.scale > scale) scale = p.scale;
  return parsed.map((p) => p.units * (scale / p.scale));
}

/**
 * Splits the amount by weights (integers, or decimal strings such as
 * percentages) with the largest-remainder method: each part gets its share
 * rounded down, then the cents left over go one each to the parts with the
 * largest remainders (the earlier part on a tie). The parts always add up to
 * exactly the amount; 100.00 split 1:1:1 is 33.34 + 33.33 + 33.33. A negative
 * amount splits like its absolute value, negated.
 */
export function allocate(a: Money, weights: readonly (bigint | number | string)[]): Money[] {
  const ws = integerWeights(weights);
  if (ws.length === 0 || ws.some((w) => w < 0n)) throw new RangeError("MONEY_BAD_WEIGHTS");
  const total = ws.reduce((s, w) => s + w, 0n);
  if (total === 0n) throw new RangeError("MONEY_BAD_WEIGHTS");
  const amount = a.cents < 0n ? -a.cents : a.cents;
  const shares = ws.map((w, index) => ({ index, base: (amount * w) / total, remainder: (amount * w) % total }));
  let left = amount - shares.reduce((s, x) => s + x.base, 0n);
  const byRemainder = [...shares].sort((x, y) =>
    x.remainder === y.remainder ? x.index - y.index : x.remainder > y.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (left === 0n) break;
    share.base += 1n;
    left -= 1n;
  }
  return shares.map((s) => checked(a.cents < 0n ? -s.base : s.base, a.currency));
}

/** Splits into `parts` equal shares that add up exactly (the first ones get the extra cents). */
export function split(a: Money, parts: number): Money[] {
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError("MONEY_BAD_PARTS");
  return allocate(
    a,
    Array.from({ length: parts }, () => 1n),
  );
}

/**
 * The amount in the language's own form ("1 234,56 €", "€1,234.56"). Intl
 * formats the whole euros as a bigint and the cents are written in from the
 * integer, so no amount, however large, goes through a float.
 */
export function formatMoney(a: Money, locale: Locale, options: { currencyDisplay?: "symbol" | "code" } = {}): string {
  const format = new Intl.NumberFormat(intlTag[locale], {
    style: "currency",
    currency: a.currency,
    currencyDisplay: options.currencyDisplay ?? "symbol",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const negative = a.cents < 0n;
  const absolute = negative ? -a.cents : a.cents;
  const whole = absolute / 100n;
  const cents = (absolute % 100n).toString().padStart(2, "0");
  // A bigint has no −0, so −0.50 is formatted as −1 with its digits replaced.
  const parts = format.formatToParts(negative ? -(whole === 0n ? 1n : whole) : whole);
  return parts
    .map((p) => {
      if (p.type === "fraction") return cents;
      if (p.type === "integer" && whole === 0n) return "0";
      return p.value;
    })
    .join("");
}

/** Spaces Intl and people put between digit groups: space, no-break space, narrow no-break space, thin space. */
const spaces = /[\s\u00a0\u202f\u2009]+/g;
/** Minus signs: hyphen-minus and the typographic ones Intl writes for fi and sv. */
const minus = /[\u2212\u2012\u2013\u2014\ufe63\uff0d]/g;

function currencySymbols(currency: CurrencyCode): string[] {
  const symbols = new Set<string>([currency]);
  for (const tag of Object.values(intlTag)) {
    const parts = new Intl.NumberFormat(tag, { style: "currency", currency }).formatToParts(1);
    const symbol = parts.find((p) => p.type === "currency")?.value;
    if (symbol) symbols.add(symbol);
  }
  return [...symbols];
}
const symbolCache = new Map<CurrencyCode, RegExp>();
function symbolPattern(currency: CurrencyCode): RegExp {
  let pattern = symbolCache.get(currency);
  if (!pattern) {
    const alternatives = currencySymbols(currency)
      .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("|");
    pattern = new RegExp(`^([+-]?) ?(${alternatives})? ?([+-]?) ?(.*?) ?(${alternatives})?$`, "i");
    symbolCache.set(currency, pattern);
  }
  return pattern;
}

/** Digits with one kind of grouping mark: "1 234 567", "1,234,567"; the first group 1–3 digits, the rest 3. */
const grouped = (digits: string, mark: string) =>
  digits.split(mark).every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)));

export type ParsedMoney = { ok: true; value: Money } | { ok: false; error: MoneyErrorKey };

/**
 * An amount typed by a person, in any of our languages' forms: "1 234,56",
 * "1234.56", "1 234,56 €", "€1,234.56", "-12,5", "−1 234,56 €", "EUR 10".
 *
 * The rules do not depend on the page's language (people type the form they
 * know): spaces group digits; with both "," and "." the last one is the
 * decimal mark and the other groups thousands; a mark that occurs more than
 * once groups thousands; a single "," or "." is the decimal mark. So "1,234"
 * is refused as three decimals rather than silently read as 1234 or 1.23.
 */
export function parseMoney(text: string, currency: CurrencyCode = defaultCurrency): ParsedMoney {
  if (typeof text !== "string" || text.length > 64) return { ok: false, error: "money.invalid" };
  const compact = text.replace(minus, "-").replace(spaces, " ").trim();
  const match = symbolPattern(currency).exec(compact);
  if (!match) return { ok: false, error: "money.invalid" };
  const [, signBefore = "", symbolBefore, signAfter = "", body = "", symbolAfter] = match;
  if ((signBefore && signAfter) || (symbolBefore && symbolAfter)) return { ok: false, error: "money.invalid" };
  const negative = (signBefore || signAfter) === "-";
  if (!/^\d[\d ,.]*$/.test(body) || /[ ,.]$/.test(body)) return { ok: false, error: "money.invalid" };

  let wholePart = body;
  let fraction = "";
  const lastComma = body.lastIndexOf(",");
  const lastDot = body.lastIndexOf(".");
  const commas = body.split(",").length - 1;
  const dots = body.split(".").length - 1;
  if (commas > 0 && dots > 0) {
    const decimalAt = Math.max(lastComma, lastDot);
    wholePart = body.slice(0, decimalAt);
    fraction = body.slice(decimalAt + 1);
    const group = lastComma > lastDot ? "." : ",";
    if (fraction.includes(",") || fraction.includes(".") || !grouped(wholePart.replace(/ /g, group), group))
      return { ok: false, error: "money.invalid" };
    wholePart = wholePart.split(group).join("");
  } else if (commas + dots === 1) {
    const decimalAt = Math.max(lastComma, lastDot);
    wholePart = body.slice(0, decimalAt);
    fraction = body.slice(decimalAt + 1);
  } else if (commas + dots > 1) {
    const group = commas > 0 ? "," : ".";
    if (!grouped(body.replace(/ /g, group), group)) return { ok: false, error: "money.invalid" };
    wholePart = body.split(group).join("");
  }
  if (wholePart.includes(" ")) {
    if (!grouped(wholePart, " ")) return { ok: false, error: "money.invalid" };
    wholePart = wholePart.replace(/ /g, "");
  }
  if (!/^\d+$/.test(wholePart) || (fraction && !/^\d+$/.test(fraction))) return { ok: false, error: "money.invalid" };
  if (fraction.length > 2) return { ok: false, error: "money.tooManyDecimals" };
  if (wholePart.length > 20) return { ok: false, error: "money.outOfRange" };
  const cents = BigInt(wholePart) * 100n + BigInt(fraction.padEnd(2, "0") || "0");
  if (cents > maxCents) return { ok: false, error: "money.outOfRange" };
  return { ok: true, value: checked(negative ? -cents : cents, currency) };
}
