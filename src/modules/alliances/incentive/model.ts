import { z } from "zod";
import { plainDate } from "../../../core/dates.ts";
import type { Money } from "../../../core/money.ts";
import { moneyInput } from "../../../core/money-schema.ts";
import type { IncentiveMessageKey } from "./messages.ts";
import { decimalToRational, type Rational, ratCompare } from "./rational.ts";

/**
 * The incentive model of one alliance, one version of it (a later agreement
 * makes a new version with a higher number and a later valid-from date).
 *
 * Units, once for the whole engine:
 * - amounts are Money (bigint cents, core/money.ts), never floats;
 * - shares, rates and percentages are whole **basis points** (1 bp = 0.01 %,
 *   so 10 000 bp = 100 %, 3 000 bp = 30 %, 13 bp = 0.0013);
 * - the index correction is an exact fraction `numerator / denominator` of
 *   positive safe integers (e.g. index points now / at the base date, scaled to
 *   integers: 112.7 / 108.3 → 1127 / 1083);
 * - KRA points and measure levels are decimal strings ("76", "78.5"), read
 *   exactly (rational.ts).
 *
 * Every settlement is per year (see settle.ts): the caps and bands apply to
 * each year's difference; the last year of `years` is the final settlement.
 */
export interface IncentiveModel {
  /** 1, 2, 3 … within the alliance. */
  version: number;
  /** "YYYY-MM-DD": the first day this version applies. */
  validFrom: string;
  /** The settlement years in order, each with its own base target; a one-period (project) alliance has one. */
  years: ModelYear[];
  /** Approved changes to the target (scope changes etc.), in the base price level, before the index. */
  adjustments: TargetAdjustment[];
  /** Providers' share of an underrun, band by band from the target downwards. */
  gainBands: ShareBand[];
  /** Providers' share of an overrun, band by band from the target upwards (e.g. 30 % up to the ceiling, then 100 %). */
  painBands: ShareBand[];
  /** The most the providers get of one year's gain (before the annual cap and carry-over). */
  gainCap: GainCap;
  /** The most the providers bear of one year's pain; by default their fee (the year's fee entries). */
  painCap: PainCap;
  /**
   * At most this share of the year's target is paid as the providers' gain each
   * year; the rest carries over to the next year. No cap in the last year, which
   * pays out everything carried. Null: no annual cap.
   */
  annualGainCap: { basisPointsOfTarget: number } | null;
  /** How the providers' gain, pain and KRA payout is split between them (sums to 10 000 bp). */
  providerShares: PartyShare[];
  /** How the owners' payment is split between the owners (sums to 10 000 bp). */
  ownerShares: PartyShare[];
  /** Key result areas and how they are paid. */
  kra: KraScheme;
}

export interface ModelYear {
  year: number;
  /** The target cost agreed for the year (before adjustments and index). */
  baseTarget: Money;
  /** Index correction of the adjusted target; 1/1 when there is none. */
  index: IndexFactor;
}

export interface IndexFactor {
  numerator: number;
  denominator: number;
}

export interface TargetAdjustment {
  /** The year whose target it changes. */
  year: number;
  /** Positive raises the target, negative lowers it. */
  amount: Money;
  reason: string;
  /** "YYYY-MM-DD": when the alliance board approved it. */
  approvedOn: string;
}

/**
 * One band of the difference, measured from the target as a share of the
 * (adjusted, indexed) target: a pain band `{ toBasisPointsOfTarget: 1000 }` runs
 * from the previous band's end to 10 % over the target (a ceiling at 110 %).
 * The last band has no end (`null`) so every difference falls in some band.
 */
export interface ShareBand {
  toBasisPointsOfTarget: number | null;
  providersShareBasisPoints: number;
}

export type GainCap = { kind: "none" } | { kind: "amount"; amount: Money };
export type PainCap = { kind: "fee" } | { kind: "amount"; amount: Money } | { kind: "none" };

export interface PartyShare {
  /** The party's id in the alliance (a uuid once stored). */
  partyId: string;
  shareBasisPoints: number;
}

export type KraScheme =
  | { kind: "none" }
  /**
   * A bonus pool per year paid by the weighted KRA score: each measure scores
   * −100 points at its poor level, 0 at its target and +100 at outstanding
   * (linear between, held within −100…+100); the payout is pool × score / 100
   * (a negative score is a sanction of the same size).
   */
  | { kind: "pool"; pool: Money; areas: KeyResultArea[] }
  /**
   * Asymmetric bonus/sanction per point (Väylävirasto's quality points): the
   * year's assessed points against the points promised; bonus rate × (achieved −
   * promised) × target above, sanction rate × (achieved − promised) × target below.
   */
  | { kind: "perPoint"; promisedPoints: string; bonusBasisPointsPerPoint: number; sanctionBasisPointsPerPoint: number };

export interface KeyResultArea {
  id: string;
  name: string;
  /** The area's weight in the total score; areas sum to 10 000 bp. */
  weightBasisPoints: number;
  measures: KraMeasure[];
}

export interface KraMeasure {
  id: string;
  name: string;
  /** The measure's weight within its area; an area's measures sum to 10 000 bp. */
  weightBasisPoints: number;
  /** The level at the start (shown beside the result; does not change the score). */
  baseline: string;
  target: string;
  poor: string;
  outstanding: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The Zod schema. Every issue's message is a message key of messages.ts (translated by parseInput once the
// alliances module registers its catalog) and its path names the field.

const fullShare = 10_000;
const m = (key: IncentiveMessageKey) => ({ error: key });

const isoDate = (key: IncentiveMessageKey) =>
  z
    .string(m(key))
    .regex(/^\d{4}-\d{2}-\d{2}$/, m(key))
    .refine((text) => {
      try {
        plainDate(text);
        return true;
      } catch {
        return false;
      }
    }, m(key));

const basisPoints = (key: IncentiveMessageKey, max = fullShare) =>
  z.number(m(key)).int(m(key)).min(0, m(key)).max(max, m(key));

/** A decimal typed as a number (76, 78.5) or a string ("78,5"): kept as the digits written. */
const decimal = (key: IncentiveMessageKey) =>
  z.union([z.number(m(key)), z.string(m(key))], m(key)).transform((value, ctx) => {
    const text = String(value).trim().replace(",", ".");
    if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(text)) {
      ctx.addIssue({ code: "custom", message: key });
      return z.NEVER;
    }
    return text;
  });

/** An amount that cannot be negative, with the field's own message. */
const nonNegativeMoney = (key: IncentiveMessageKey) => moneyInput().refine((amount) => amount.cents >= 0n, m(key));

const id = (key: IncentiveMessageKey) => z.string(m(key)).trim().min(1, m(key)).max(100, m(key));
const name = (key: IncentiveMessageKey) => z.string(m(key)).trim().min(1, m(key)).max(200, m(key));
const year = z
  .number(m("alliances.model.year"))
  .int(m("alliances.model.year"))
  .min(1900, m("alliances.model.year"))
  .max(2200, m("alliances.model.year"));

const bandSchema = z.object({
  toBasisPointsOfTarget: z
    .number(m("alliances.model.bandLimit"))
    .int(m("alliances.model.bandLimit"))
    .min(1, m("alliances.model.bandLimit"))
    .max(1_000_000, m("alliances.model.bandLimit"))
    .nullable(),
  providersShareBasisPoints: basisPoints("alliances.model.bandShare"),
});

const bands = z
  .array(bandSchema)
  .min(1, m("alliances.model.bandsRequired"))
  .max(20, m("alliances.model.bandsRequired"));

function checkBands(list: readonly ShareBand[], field: "gainBands" | "painBands", ctx: z.RefinementCtx) {
  let previous = 0;
  list.forEach((band, i) => {
    const last = i === list.length - 1;
    if (last !== (band.toBasisPointsOfTarget === null) || (band.toBasisPointsOfTarget ?? Infinity) <= previous) {
      ctx.addIssue({
        code: "custom",
        message: "alliances.model.bandsOrder",
        path: [field, i, "toBasisPointsOfTarget"],
      });
    }
    previous = band.toBasisPointsOfTarget ?? previous;
  });
}

const shareSchema = z.object({
  partyId: id("alliances.model.partyId"),
  shareBasisPoints: basisPoints("alliances.model.share"),
});

function checkShares(list: readonly PartyShare[], field: "providerShares" | "ownerShares", ctx: z.RefinementCtx) {
  const total = list.reduce((s, x) => s + x.shareBasisPoints, 0);
  if (total !== fullShare)
    ctx.addIssue({
      code: "custom",
      message: field === "providerShares" ? "alliances.model.providerSharesSum" : "alliances.model.ownerSharesSum",
      path: [field],
    });
  const seen = new Set<string>();
  list.forEach((share, i) => {
    if (seen.has(share.partyId))
      ctx.addIssue({ code: "custom", message: "alliances.model.partyTwice", path: [field, i, "partyId"] });
    seen.add(share.partyId);
  });
}

const measureSchema = z.object({
  id: id("alliances.model.kraId"),
  name: name("alliances.model.kraName"),
  weightBasisPoints: basisPoints("alliances.model.kraWeight"),
  baseline: decimal("alliances.model.kraLevel"),
  target: decimal("alliances.model.kraLevel"),
  poor: decimal("alliances.model.kraLevel"),
  outstanding: decimal("alliances.model.kraLevel"),
});

const areaSchema = z.object({
  id: id("alliances.model.kraId"),
  name: name("alliances.model.kraName"),
  weightBasisPoints: basisPoints("alliances.model.kraWeight"),
  measures: z.array(measureSchema).min(1, m("alliances.model.kraMeasuresRequired")).max(50),
});

const kraSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("none") }),
    z.object({
      kind: z.literal("pool"),
      pool: nonNegativeMoney("alliances.model.kraPoolNegative"),
      areas: z.array(areaSchema).min(1, m("alliances.model.kraAreasRequired")).max(20),
    }),
    z.object({
      kind: z.literal("perPoint"),
      promisedPoints: decimal("alliances.model.kraPoints"),
      bonusBasisPointsPerPoint: basisPoints("alliances.model.kraRate"),
      sanctionBasisPointsPerPoint: basisPoints("alliances.model.kraRate"),
    }),
  ],
  m("alliances.model.kraKind"),
);

const levelsInOrder = (x: KraMeasure): boolean => {
  const [poor, target, outstanding] = [x.poor, x.target, x.outstanding].map(decimalToRational) as [
    Rational,
    Rational,
    Rational,
  ];
  const up = ratCompare(poor, target) < 0 && ratCompare(target, outstanding) < 0;
  const down = ratCompare(poor, target) > 0 && ratCompare(target, outstanding) > 0;
  return up || down;
};

export const incentiveModelSchema = z
  .object({
    version: z
      .number(m("alliances.model.version"))
      .int(m("alliances.model.version"))
      .min(1, m("alliances.model.version")),
    validFrom: isoDate("alliances.model.validFrom"),
    years: z
      .array(
        z.object({
          year,
          baseTarget: nonNegativeMoney("alliances.model.baseTargetNegative"),
          index: z
            .object({
              numerator: z
                .number(m("alliances.model.index"))
                .int(m("alliances.model.index"))
                .min(1, m("alliances.model.index"))
                .max(Number.MAX_SAFE_INTEGER, m("alliances.model.index")),
              denominator: z
                .number(m("alliances.model.index"))
                .int(m("alliances.model.index"))
                .min(1, m("alliances.model.index"))
                .max(Number.MAX_SAFE_INTEGER, m("alliances.model.index")),
            })
            .default({ numerator: 1, denominator: 1 }),
        }),
      )
      .min(1, m("alliances.model.yearsRequired"))
      .max(50, m("alliances.model.yearsRequired")),
    adjustments: z
      .array(
        z.object({
          year,
          amount: moneyInput(),
          reason: name("alliances.model.adjustmentReason"),
          approvedOn: isoDate("alliances.model.adjustmentApprovedOn"),
        }),
      )
      .max(500)
      .default([]),
    gainBands: bands,
    painBands: bands,
    gainCap: z
      .discriminatedUnion(
        "kind",
        [
          z.object({ kind: z.literal("none") }),
          z.object({ kind: z.literal("amount"), amount: nonNegativeMoney("alliances.model.gainCapNegative") }),
        ],
        m("alliances.model.capKind"),
      )
      .default({ kind: "none" }),
    painCap: z
      .discriminatedUnion(
        "kind",
        [
          z.object({ kind: z.literal("fee") }),
          z.object({ kind: z.literal("amount"), amount: nonNegativeMoney("alliances.model.painCapNegative") }),
          z.object({ kind: z.literal("none") }),
        ],
        m("alliances.model.capKind"),
      )
      .default({ kind: "fee" }),
    annualGainCap: z
      .object({ basisPointsOfTarget: basisPoints("alliances.model.annualGainCap") })
      .nullable()
      .default(null),
    providerShares: z.array(shareSchema).min(1, m("alliances.model.providerSharesSum")).max(100),
    ownerShares: z.array(shareSchema).min(1, m("alliances.model.ownerSharesSum")).max(100),
    kra: kraSchema.default({ kind: "none" }),
  })
  .superRefine((model, ctx) => {
    model.years.forEach((y, i) => {
      if (i > 0 && y.year <= (model.years[i - 1]?.year ?? 0))
        ctx.addIssue({ code: "custom", message: "alliances.model.yearsOrder", path: ["years", i, "year"] });
    });
    const years = new Set(model.years.map((y) => y.year));
    model.adjustments.forEach((a, i) => {
      if (!years.has(a.year))
        ctx.addIssue({ code: "custom", message: "alliances.model.adjustmentYear", path: ["adjustments", i, "year"] });
    });
    checkBands(model.gainBands, "gainBands", ctx);
    checkBands(model.painBands, "painBands", ctx);
    checkShares(model.providerShares, "providerShares", ctx);
    checkShares(model.ownerShares, "ownerShares", ctx);
    if (model.kra.kind === "pool") {
      const areas = model.kra.areas;
      if (areas.reduce((s, a) => s + a.weightBasisPoints, 0) !== fullShare)
        ctx.addIssue({ code: "custom", message: "alliances.model.kraAreaWeightsSum", path: ["kra", "areas"] });
      const ids = new Set<string>();
      areas.forEach((area, a) => {
        if (area.measures.reduce((s, x) => s + x.weightBasisPoints, 0) !== fullShare)
          ctx.addIssue({
            code: "custom",
            message: "alliances.model.kraMeasureWeightsSum",
            path: ["kra", "areas", a, "measures"],
          });
        for (const [itemPath, itemId] of [
          [["kra", "areas", a, "id"], area.id] as const,
          ...area.measures.map((x, i) => [["kra", "areas", a, "measures", i, "id"], x.id] as const),
        ]) {
          if (ids.has(itemId))
            ctx.addIssue({ code: "custom", message: "alliances.model.kraIdTwice", path: [...itemPath] });
          ids.add(itemId);
        }
        area.measures.forEach((x, i) => {
          if (!levelsInOrder(x))
            ctx.addIssue({
              code: "custom",
              message: "alliances.model.kraLevelsOrder",
              path: ["kra", "areas", a, "measures", i],
            });
        });
      });
    }
  });

/** What a form or the API sends: amounts as cents or typed text, optional parts defaulted. */
export type IncentiveModelInput = z.input<typeof incentiveModelSchema>;

// The schema's output is exactly the documented type (a compile-time check).
const _sameShape: (x: z.output<typeof incentiveModelSchema>) => IncentiveModel = (x) => x;
void _sameShape;

/** The scheme's year list, for finding the last (final) year. */
export const lastYearOf = (model: IncentiveModel): number => model.years[model.years.length - 1]?.year ?? 0;
