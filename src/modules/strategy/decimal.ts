/**
 * Exact decimal values (indicator baselines, targets, measurements), kept as canonical decimal strings such as
 * "12.5", "-0.25" or "1200", stored in PostgreSQL `numeric` columns and never in a binary float. Arithmetic on them
 * (the status rule) is done on exact fractions of bigints, so a boundary such as "exactly 75 %" is decided exactly.
 */

/** Up to 15 digits before the decimal point and 6 after it. */
export const maxIntegerDigits = 15;
export const maxFractionDigits = 6;

const decimalPattern = /^([+-]?)(\d*)(?:[.,](\d*))?$/;

export type DecimalProblem = "notNumber" | "tooLarge" | "tooPrecise";

/**
 * A typed value as a canonical decimal string, or the problem with it. Accepts a decimal comma (Finnish "12,5"),
 * a leading sign and spaces around; refuses exponents, thousands separators, "NaN", "Infinity" and empty text.
 */
export function parseDecimal(input: string | number): { value: string } | { problem: DecimalProblem } {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return { problem: "notNumber" };
    input = String(input);
  }
  const match = decimalPattern.exec(input.trim());
  if (!match) return { problem: "notNumber" };
  const [, sign = "", whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return { problem: "notNumber" };
  const intDigits = whole.replace(/^0+(?=\d)/, "") || "0";
  const fracDigits = fraction.replace(/0+$/, "");
  if (intDigits.replace(/^0$/, "").length > maxIntegerDigits) return { problem: "tooLarge" };
  if (fracDigits.length > maxFractionDigits) return { problem: "tooPrecise" };
  const zero = intDigits === "0" && fracDigits === "";
  return { value: `${sign === "-" && !zero ? "-" : ""}${intDigits}${fracDigits ? `.${fracDigits}` : ""}` };
}

/** A value the database gave back (e.g. "12.500000" from a numeric column with a scale) in canonical form. */
export function canonicalDecimal(value: string): string {
  const parsed = parseDecimal(value);
  if ("problem" in parsed) throw new Error(`not a decimal: ${value}`);
  return parsed.value;
}

/** An exact fraction n / d with d > 0. */
export interface Fraction {
  n: bigint;
  d: bigint;
}

export function fraction(value: string): Fraction {
  const canonical = canonicalDecimal(value);
  const negative = canonical.startsWith("-");
  const [whole = "0", frac = ""] = canonical.replace("-", "").split(".");
  const n = BigInt(whole + frac) * (negative ? -1n : 1n);
  return { n, d: 10n ** BigInt(frac.length) };
}

export const fromInteger = (n: number | bigint): Fraction => ({ n: BigInt(n), d: 1n });
export const sub = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
export const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });
export const mul = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.n, d: a.d * b.d });
/** a / b; b must not be zero. */
export function div(a: Fraction, b: Fraction): Fraction {
  if (b.n === 0n) throw new Error("division by zero");
  return b.n < 0n ? { n: -a.n * b.d, d: a.d * -b.n } : { n: a.n * b.d, d: a.d * b.n };
}
export const neg = (a: Fraction): Fraction => ({ n: -a.n, d: a.d });
/** -1, 0 or 1 as a compares to b. */
export function compare(a: Fraction, b: Fraction): number {
  const diff = a.n * b.d - b.n * a.d;
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** The fraction as a decimal string rounded half away from zero to `digits` places, trailing zeros dropped. */
export function toDecimal(a: Fraction, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const negative = a.n < 0n;
  const abs = negative ? -a.n : a.n;
  const scaled = (abs * scale * 2n + a.d) / (2n * a.d);
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(digits, "0").replace(/0+$/, "");
  const zero = scaled === 0n;
  return `${negative && !zero ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}
