/**
 * A Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit. The check digit: the digits
 * weighted 7, 9, 10, 5, 8, 4, 2, summed, modulo 11; remainder 0 gives 0, remainder 1 is never issued, otherwise
 * 11 − remainder. IDs of six digits from before 1996 are written with a leading zero.
 */
const weights = [7, 9, 10, 5, 8, 4, 2] as const;

export function businessIdCheckDigit(digits: string): number | null {
  if (!/^\d{7}$/.test(digits)) return null;
  const remainder = [...digits].reduce((sum, d, i) => sum + Number(d) * (weights[i] ?? 0), 0) % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

/** "1234567-8" with a right check digit. */
export function isBusinessId(value: string): boolean {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return false;
  return businessIdCheckDigit(match[1] ?? "") === Number(match[2]);
}
