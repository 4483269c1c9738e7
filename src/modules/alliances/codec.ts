/**
 * Settlement results hold bigints (Money's cents, exact fractions) that JSON cannot; they are stored in jsonb with
 * each bigint tagged as `{ "$bigint": "123" }` and read back exactly.
 */
export function encodeBigints(value: unknown): unknown {
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (Array.isArray(value)) return value.map(encodeBigints);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBigints(v)]));
  return value;
}

export function decodeBigints<T>(value: unknown): T {
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object") {
      const entries = Object.entries(v);
      if (entries.length === 1 && entries[0]?.[0] === "$bigint") return BigInt(String(entries[0][1]));
      return Object.fromEntries(entries.map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}
