import { parseDecimal } from "../../../core/money.ts";

/**
 * An exact fraction of two bigints, always in lowest terms with a positive
 * denominator. The incentive engine uses it for everything that is not cents
 * and not a whole number of basis points: index factors, KRA points and scores.
 * No binary floating point is involved anywhere; amounts are rounded to the
 * cent only when a fraction is applied to Money (money.ts `multiply`, half a
 * cent away from zero).
 */
export interface Rational {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function rational(numerator: bigint | number, denominator: bigint | number = 1n): Rational {
  let n = BigInt(numerator);
  let d = BigInt(denominator);
  if (d === 0n) throw new RangeError("RATIONAL_DIVIDE_BY_ZERO");
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d) || 1n;
  return Object.freeze({ numerator: n / g, denominator: d / g });
}

export const ratAdd = (a: Rational, b: Rational): Rational =>
  rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator);
export const ratSub = (a: Rational, b: Rational): Rational =>
  rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator);
export const ratMul = (a: Rational, b: Rational): Rational =>
  rational(a.numerator * b.numerator, a.denominator * b.denominator);
export const ratDiv = (a: Rational, b: Rational): Rational =>
  rational(a.numerator * b.denominator, a.denominator * b.numerator);
export const ratCompare = (a: Rational, b: Rational): -1 | 0 | 1 => {
  const l = a.numerator * b.denominator;
  const r = b.numerator * a.denominator;
  return l < r ? -1 : l > r ? 1 : 0;
};
export const ratMin = (a: Rational, b: Rational): Rational => (ratCompare(a, b) <= 0 ? a : b);
export const ratMax = (a: Rational, b: Rational): Rational => (ratCompare(a, b) >= 0 ? a : b);
export const isNegativeRational = (a: Rational): boolean => a.numerator < 0n;

/** A decimal string as written ("76", "78.5", "-0,25") → its exact value. */
export function decimalToRational(text: string): Rational {
  const { units, scale } = parseDecimal(text);
  return rational(units, scale);
}
