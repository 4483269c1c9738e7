import type { Locale } from "../../../src/i18n/locale.ts";

/** Whole cents as a plain amount to type into a form ("12500,00"; parseMoney reads it back exactly). */
export const centsText = (locale: Locale, cents: number) => {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return locale === "en" ? text : text.replace(".", ",");
};

/** Basis points as a percentage to type into a form ("30", "0,13"; "." in English). */
export function basisPointsText(locale: Locale, bp: number): string {
  const sign = bp < 0 ? "-" : "";
  const abs = Math.abs(bp);
  const fraction = String(abs % 100)
    .padStart(2, "0")
    .replace(/0+$/, "");
  const text = `${sign}${Math.floor(abs / 100)}${fraction ? `.${fraction}` : ""}`;
  return locale === "en" ? text : text.replace(".", ",");
}

const decimalText = (locale: Locale, value: string) => (locale === "en" ? value : value.replace(".", ","));

/** A stored model in its JSON form (amounts as cents), as the form's fields read it. */
interface StoredModel {
  years?: { year: number; baseTarget: number; index?: { numerator: number; denominator: number } }[];
  adjustments?: { year: number; amount: number; reason: string; approvedOn: string }[];
  gainBands?: { toBasisPointsOfTarget: number | null; providersShareBasisPoints: number }[];
  painBands?: { toBasisPointsOfTarget: number | null; providersShareBasisPoints: number }[];
  gainCap?: { kind: string; amount?: number };
  painCap?: { kind: string; amount?: number };
  annualGainCap?: { basisPointsOfTarget: number } | null;
  providerShares?: { partyId: string; shareBasisPoints: number }[];
  ownerShares?: { partyId: string; shareBasisPoints: number }[];
  kra?: {
    kind: string;
    pool?: number;
    areas?: {
      id: string;
      name: string;
      weightBasisPoints: number;
      measures: {
        id: string;
        name: string;
        weightBasisPoints: number;
        baseline: string;
        target: string;
        poor: string;
        outstanding: string;
      }[];
    }[];
    promisedPoints?: string;
    bonusBasisPointsPerPoint?: number;
    sanctionBasisPointsPerPoint?: number;
  };
}

/**
 * The form's starting values for a new version: the newest version's figures (or the parties' agreed shares and
 * a 50:50 band when there is none yet), by field name.
 */
export function modelStartValues(
  locale: Locale,
  stored: Record<string, unknown> | null,
  years: readonly number[],
  parties: readonly { id: string; side: "owner" | "provider"; shareBasisPoints: number }[],
  validFrom: string,
): Record<string, string> {
  const m = (stored ?? {}) as StoredModel;
  const v: Record<string, string> = { validFrom };
  const bp = (n: number) => basisPointsText(locale, n);
  years.forEach((year, i) => {
    const y = m.years?.find((x) => x.year === year);
    v[`years.${i}.baseTarget`] = y ? centsText(locale, y.baseTarget) : "";
    const index = y?.index;
    if (index && !(index.numerator === 1 && index.denominator === 1)) {
      v[`years.${i}.index.numerator`] = String(index.numerator);
      v[`years.${i}.index.denominator`] = String(index.denominator);
    }
  });
  (m.adjustments ?? []).forEach((a, i) => {
    v[`adjustments.${i}.year`] = String(a.year);
    v[`adjustments.${i}.amount`] = centsText(locale, a.amount);
    v[`adjustments.${i}.reason`] = a.reason;
    v[`adjustments.${i}.approvedOn`] = a.approvedOn;
  });
  for (const list of ["gainBands", "painBands"] as const) {
    const bands = m[list] ?? [{ toBasisPointsOfTarget: null, providersShareBasisPoints: 5000 }];
    bands.forEach((b, i) => {
      v[`${list}.${i}.toBasisPointsOfTarget`] = b.toBasisPointsOfTarget === null ? "" : bp(b.toBasisPointsOfTarget);
      v[`${list}.${i}.providersShareBasisPoints`] = bp(b.providersShareBasisPoints);
    });
  }
  v["gainCap.kind"] = m.gainCap?.kind ?? "none";
  if (m.gainCap?.amount !== undefined) v["gainCap.amount"] = centsText(locale, m.gainCap.amount);
  v["painCap.kind"] = m.painCap?.kind ?? "fee";
  if (m.painCap?.amount !== undefined) v["painCap.amount"] = centsText(locale, m.painCap.amount);
  if (m.annualGainCap) v["annualGainCap.basisPointsOfTarget"] = bp(m.annualGainCap.basisPointsOfTarget);
  for (const [list, side] of [
    ["providerShares", "provider"],
    ["ownerShares", "owner"],
  ] as const)
    parties
      .filter((p) => p.side === side)
      .forEach((p, i) => {
        const share = m[list] ? (m[list]?.find((s) => s.partyId === p.id)?.shareBasisPoints ?? 0) : p.shareBasisPoints;
        v[`${list}.${i}.shareBasisPoints`] = bp(share);
      });
  const kra = m.kra ?? { kind: "none" };
  v["kra.kind"] = kra.kind;
  if (kra.pool !== undefined) v["kra.pool"] = centsText(locale, kra.pool);
  (kra.areas ?? []).forEach((area, a) => {
    v[`kra.areas.${a}.id`] = area.id;
    v[`kra.areas.${a}.name`] = area.name;
    v[`kra.areas.${a}.weightBasisPoints`] = bp(area.weightBasisPoints);
    area.measures.forEach((x, i) => {
      const p = `kra.areas.${a}.measures.${i}`;
      v[`${p}.id`] = x.id;
      v[`${p}.name`] = x.name;
      v[`${p}.weightBasisPoints`] = bp(x.weightBasisPoints);
      for (const level of ["baseline", "target", "poor", "outstanding"] as const)
        v[`${p}.${level}`] = decimalText(locale, x[level]);
    });
  });
  if (kra.promisedPoints !== undefined) v["kra.promisedPoints"] = decimalText(locale, kra.promisedPoints);
  if (kra.bonusBasisPointsPerPoint !== undefined) v["kra.bonusBasisPointsPerPoint"] = bp(kra.bonusBasisPointsPerPoint);
  if (kra.sanctionBasisPointsPerPoint !== undefined)
    v["kra.sanctionBasisPointsPerPoint"] = bp(kra.sanctionBasisPointsPerPoint);
  return v;
}

/** The rows the form shows: the stored version's and room for more. */
export function modelFormShape(stored: Record<string, unknown> | null) {
  const m = (stored ?? {}) as StoredModel;
  const areas = m.kra?.areas ?? [];
  return {
    adjustments: Math.max((m.adjustments?.length ?? 0) + 1, 2),
    gainBands: Math.max((m.gainBands?.length ?? 0) + 1, 3),
    painBands: Math.max((m.painBands?.length ?? 0) + 1, 3),
    areas: Math.max(areas.length + 1, 3),
    measures: Math.max(...areas.map((a) => a.measures.length + 1), 2),
  };
}

/** The hidden ids of the key result areas and measures: the stored ones, else made from their place. */
export const areaId = (a: number) => `kra-${a + 1}`;
export const measureId = (a: number, i: number) => `kra-${a + 1}-${i + 1}`;
