import {
  add,
  allocate,
  clamp,
  isNegative,
  isPositive,
  type Money,
  max,
  min,
  multiply,
  negate,
  subtract,
  sum,
  zero,
} from "../../../core/money.ts";
import type { IncentiveMessageKey } from "./messages.ts";
import { type IncentiveModel, lastYearOf, type PartyShare, type ShareBand } from "./model.ts";
import {
  decimalToRational,
  isNegativeRational,
  type Rational,
  ratAdd,
  ratDiv,
  rational,
  ratMin,
  ratMul,
  ratSub,
} from "./rational.ts";
import { type Step, type StepSource, value } from "./steps.ts";

/**
 * The settlement calculation: pure, no database. For one year (an interim
 * settlement, or the final one when it is the model's last year) it computes
 *
 *   target   = (base target + approved adjustments) × index factor
 *   actual   = the cost entries that count toward the target (reimbursed costs + the providers' fee)
 *   difference = target − actual (positive: underrun, a gain; negative: overrun, a pain)
 *   providers' share = Σ over the bands of (the part of the difference in the band × the band's share),
 *                      then held within the gain cap or the pain cap (default: the year's fee)
 *   incentive = providers' gain − providers' pain + gain carried in from the previous year,
 *               paid up to the annual gain cap (a share of the target; none in the last year),
 *               the rest carried over to the next year (never negative)
 *   KRA payout = pool × weighted score / 100, or bonus/sanction rate × (achieved − promised points) × target
 *   owners pay = reimbursed costs + fee + gain paid − pain charged + KRA payout
 *
 * and splits the providers' incentive and KRA payout between the providers, and
 * the owners' payment between the owners, by their shares.
 *
 * Rounding rule (the one rule, also written in the first step): every product
 * of an amount and a share, rate or factor is rounded once to the cent, half a
 * cent away from zero (money.ts `multiply`, "halfUp"); every split of an amount
 * between parties uses the largest-remainder method (money.ts `allocate`): each
 * party gets its share rounded down, and the cents left over go one each to the
 * largest remainders (the earlier party in the model on a tie), so the parts
 * always add up to the amount exactly.
 */

export type CostCategory = "reimbursable" | "overhead" | "subcontract" | "fee" | "ownerOutside";

/** One entry of the open books, as the settlement needs it (the service selects the year's entries). */
export interface CostEntryInput {
  id: string;
  amount: Money;
  category: CostCategory;
  /** Whether it counts toward the target; only these are in the actual cost and the owners' payment. */
  countsTowardTarget: boolean;
}

export interface YearInput {
  year: number;
  costs: readonly CostEntryInput[];
  /** The year's KRA results: each measure's value (pool) or the assessed points (per point). */
  kra?: { measures?: Readonly<Record<string, string>>; achievedPoints?: string };
  /** Gain carried over from the previous year's settlement (its `carriedOut`); zero when absent. */
  carriedIn?: Money;
}

export interface ProviderPart {
  partyId: string;
  shareBasisPoints: number;
  /** Its part of the incentive (negative: it pays its part of the pain). */
  incentive: Money;
  kraPayout: Money;
  total: Money;
  step: string;
}

export interface OwnerPart {
  partyId: string;
  shareBasisPoints: number;
  payment: Money;
  step: string;
}

export type Figure =
  | "target"
  | "reimbursed"
  | "fee"
  | "actual"
  | "outsideTarget"
  | "difference"
  | "providersShare"
  | "providersGain"
  | "providersPain"
  | "ownersGain"
  | "ownersPain"
  | "incentive"
  | "carriedOut"
  | "kraPayout"
  | "ownersPayment";

export interface YearSettlement {
  /** "final" for the model's last year (no annual cap: everything carried is paid), otherwise "interim". */
  kind: "interim" | "final";
  year: number;
  modelVersion: number;
  /** After approved adjustments and the index correction. */
  target: Money;
  /** Counting entries other than the fee. */
  reimbursed: Money;
  /** Counting entries of category "fee". */
  fee: Money;
  /** reimbursed + fee: the actual cost compared with the target. */
  actual: Money;
  /** Entries that do not count toward the target (shown, not settled). */
  outsideTarget: Money;
  /** target − actual: positive is an underrun (gain), negative an overrun (pain). */
  difference: Money;
  outcome: "gain" | "pain" | "onTarget";
  /** max(difference, 0) and max(−difference, 0). */
  gain: Money;
  pain: Money;
  /** The providers' share by the bands, before the caps (a gain positive, a pain negative). */
  providersShare: Money;
  /** The providers' gain after the gain cap, ≥ 0 and ≤ the cap. */
  providersGain: Money;
  /** The pain the providers bear after the pain cap, ≥ 0 and ≤ the cap. */
  providersPain: Money;
  /** What the owners keep of the gain (gain − providers' gain). */
  ownersGain: Money;
  /** What the owners carry of the pain (pain − providers' pain). */
  ownersPain: Money;
  /** The caps as amounts for the year; null: no cap. */
  gainCap: Money | null;
  painCap: Money | null;
  annualGainCap: Money | null;
  carriedIn: Money;
  /** Gain over the annual cap, carried to the next year; never negative, zero in the final year. */
  carriedOut: Money;
  /** Paid to the providers as gain/pain this year: positive they get it, negative they pay it. */
  incentive: Money;
  /** max(incentive, 0) and max(−incentive, 0): the "gain − pain" of the owners' payment. */
  gainPaid: Money;
  painCharged: Money;
  kraPayout: Money;
  /** reimbursed + fee + gainPaid − painCharged + kraPayout. */
  ownersPayment: Money;
  providerParts: ProviderPart[];
  ownerParts: OwnerPart[];
  /** The step that produced each figure (a page links an amount to it; see steps.ts traceStep). */
  trace: Record<Figure, string>;
  steps: Step[];
}

/** Input that does not fit the model (a year it does not have, a KRA result missing): the key names what and where. */
export class SettlementInputError extends Error {
  constructor(
    readonly key: IncentiveMessageKey,
    readonly path: string,
  ) {
    super(`${key} at ${path}`);
    this.name = "SettlementInputError";
  }
}

const fullShare = 10_000n;

/** Splits an amount between parties by their shares (basis points summing to 10 000); the parts add up exactly. */
export function splitByShares(
  amount: Money,
  shares: readonly PartyShare[],
): { partyId: string; shareBasisPoints: number; amount: Money }[] {
  const parts = allocate(
    amount,
    shares.map((s) => BigInt(s.shareBasisPoints)),
  );
  return shares.map((s, i) => ({
    partyId: s.partyId,
    shareBasisPoints: s.shareBasisPoints,
    amount: parts[i] as Money,
  }));
}

/** The year's target: (base + the year's approved adjustments) × index, rounded once to the cent. */
function targetSteps(model: IncentiveModel, year: number, steps: Step[]): Money {
  const yearIndex = model.years.findIndex((y) => y.year === year);
  const modelYear = model.years[yearIndex];
  if (!modelYear) throw new SettlementInputError("alliances.settle.yearNotInModel", "year");
  const base = modelYear.baseTarget;
  steps.push({
    id: "target.base",
    rule: "alliances.rule.target",
    text: "alliances.step.baseTarget",
    inputs: { year: value.number(year) },
    result: value.money(base),
    sources: [{ kind: "model", path: `years.${yearIndex}.baseTarget` }],
  });
  const adjustmentSources: StepSource[] = [];
  const adjustmentAmounts: Money[] = [];
  model.adjustments.forEach((a, index) => {
    if (a.year !== year) return;
    adjustmentSources.push({ kind: "adjustment", index });
    adjustmentAmounts.push(a.amount);
  });
  const adjustments = sum(adjustmentAmounts, base.currency);
  const adjusted = add(base, adjustments);
  steps.push({
    id: "target.adjusted",
    rule: "alliances.rule.adjustments",
    text: "alliances.step.adjustments",
    inputs: {
      base: value.money(base),
      adjustments: value.money(adjustments),
      count: value.number(adjustmentAmounts.length),
    },
    result: value.money(adjusted),
    sources: [{ kind: "step", id: "target.base" }, ...adjustmentSources],
  });
  const { numerator, denominator } = modelYear.index;
  const target = multiply(adjusted, numerator, denominator, "halfUp");
  steps.push({
    id: "target",
    rule: "alliances.rule.index",
    text: "alliances.step.index",
    inputs: { adjusted: value.money(adjusted), factor: value.ratio(rational(numerator, denominator)) },
    result: value.money(target),
    sources: [
      { kind: "step", id: "target.adjusted" },
      { kind: "model", path: `years.${yearIndex}.index` },
    ],
  });
  return target;
}

/** The year's target as a settlement works it out (adjustments and index), without its steps: for charts. */
export const yearTarget = (model: IncentiveModel, year: number): Money => targetSteps(model, year, []);

/** The providers' share of a gain or a pain of `magnitude` (≥ 0), band by band. */
function bandSteps(
  target: Money,
  magnitude: Money,
  bands: readonly ShareBand[],
  side: "gain" | "pain",
  steps: Step[],
): { share: Money; ids: string[] } {
  const ids: string[] = [];
  let share = zero(target.currency);
  let start = zero(target.currency);
  for (const [i, band] of bands.entries()) {
    if (!isPositive(subtract(magnitude, start))) break;
    const end = band.toBasisPointsOfTarget === null ? null : multiply(target, band.toBasisPointsOfTarget, fullShare);
    const inBand =
      end === null
        ? subtract(magnitude, start)
        : clamp(subtract(magnitude, start), zero(target.currency), max(subtract(end, start), zero(target.currency)));
    const part = multiply(inBand, band.providersShareBasisPoints, fullShare);
    const id = `band.${side}.${i}`;
    steps.push({
      id,
      rule: side === "gain" ? "alliances.rule.gainShare" : "alliances.rule.painShare",
      text: end === null ? "alliances.step.bandOpen" : "alliances.step.band",
      inputs: {
        band: value.number(i + 1),
        from: value.money(start),
        ...(end === null ? {} : { to: value.money(end) }),
        amount: value.money(inBand),
        share: value.basisPoints(band.providersShareBasisPoints),
      },
      result: value.money(part),
      sources: [
        { kind: "step", id: "difference" },
        { kind: "step", id: "target" },
        { kind: "model", path: `${side}Bands.${i}` },
      ],
    });
    ids.push(id);
    share = add(share, part);
    if (end === null) break;
    start = max(start, end);
  }
  return { share, ids };
}

/** A measure's score in points: −100 at poor, 0 at target, +100 at outstanding, linear between, held within. */
export function measureScore(levels: { poor: string; target: string; outstanding: string }, result: string): Rational {
  const v = decimalToRational(result);
  const t = decimalToRational(levels.target);
  const o = decimalToRational(levels.outstanding);
  const p = decimalToRational(levels.poor);
  const hundred = rational(100);
  const towardOutstanding = ratDiv(ratSub(v, t), ratSub(o, t));
  if (!isNegativeRational(towardOutstanding)) return ratMul(hundred, ratMin(towardOutstanding, rational(1)));
  const towardPoor = ratDiv(ratSub(v, t), ratSub(p, t));
  return ratMul(rational(-100), ratMin(towardPoor, rational(1)));
}

function kraSteps(model: IncentiveModel, input: YearInput, target: Money, steps: Step[]): Money {
  const scheme = model.kra;
  if (scheme.kind === "none") {
    const none = zero(target.currency);
    steps.push({
      id: "kra",
      rule: "alliances.rule.kraNone",
      text: "alliances.step.kraNone",
      inputs: {},
      result: value.money(none),
      sources: [{ kind: "model", path: "kra" }],
    });
    return none;
  }
  if (scheme.kind === "perPoint") {
    const achievedText = input.kra?.achievedPoints;
    if (achievedText === undefined)
      throw new SettlementInputError("alliances.settle.pointsMissing", "kra.achievedPoints");
    const achieved = decimalToRational(achievedText);
    const difference = ratSub(achieved, decimalToRational(scheme.promisedPoints));
    const bonus = !isNegativeRational(difference);
    const rate = bonus ? scheme.bonusBasisPointsPerPoint : scheme.sanctionBasisPointsPerPoint;
    const payout = multiply(target, BigInt(rate) * difference.numerator, fullShare * difference.denominator);
    steps.push({
      id: "kra",
      rule: "alliances.rule.kraPerPoint",
      text: bonus ? "alliances.step.kraBonus" : "alliances.step.kraSanction",
      inputs: {
        rate: value.basisPoints(rate),
        achieved: value.decimal(achievedText),
        promised: value.decimal(scheme.promisedPoints),
        difference: value.ratio(difference),
        target: value.money(target),
      },
      result: value.money(payout),
      sources: [
        { kind: "step", id: "target" },
        { kind: "model", path: "kra" },
      ],
    });
    return payout;
  }
  let total = rational(0);
  const areaIds: StepSource[] = [];
  scheme.areas.forEach((area, a) => {
    let areaScore = rational(0);
    const measureIds: StepSource[] = [];
    area.measures.forEach((measure, i) => {
      const result = input.kra?.measures?.[measure.id];
      if (result === undefined)
        throw new SettlementInputError("alliances.settle.measureMissing", `kra.measures.${measure.id}`);
      const score = measureScore(measure, result);
      const id = `kra.measure.${measure.id}`;
      steps.push({
        id,
        rule: "alliances.rule.kraPool",
        text: "alliances.step.kraMeasure",
        inputs: {
          measure: value.text(measure.name),
          value: value.decimal(result),
          baseline: value.decimal(measure.baseline),
          poor: value.decimal(measure.poor),
          target: value.decimal(measure.target),
          outstanding: value.decimal(measure.outstanding),
        },
        result: value.ratio(score),
        sources: [{ kind: "model", path: `kra.areas.${a}.measures.${i}` }],
      });
      measureIds.push({ kind: "step", id });
      areaScore = ratAdd(areaScore, ratMul(score, rational(measure.weightBasisPoints, fullShare)));
    });
    const id = `kra.area.${area.id}`;
    steps.push({
      id,
      rule: "alliances.rule.kraPool",
      text: "alliances.step.kraArea",
      inputs: { area: value.text(area.name), weight: value.basisPoints(area.weightBasisPoints) },
      result: value.ratio(areaScore),
      sources: [...measureIds, { kind: "model", path: `kra.areas.${a}` }],
    });
    areaIds.push({ kind: "step", id });
    total = ratAdd(total, ratMul(areaScore, rational(area.weightBasisPoints, fullShare)));
  });
  steps.push({
    id: "kra.score",
    rule: "alliances.rule.kraPool",
    text: "alliances.step.kraScore",
    inputs: {},
    result: value.ratio(total),
    sources: areaIds,
  });
  const payout = multiply(scheme.pool, total.numerator, total.denominator * 100n);
  steps.push({
    id: "kra",
    rule: "alliances.rule.kraPool",
    text: "alliances.step.kraPool",
    inputs: { pool: value.money(scheme.pool), score: value.ratio(total) },
    result: value.money(payout),
    sources: [
      { kind: "step", id: "kra.score" },
      { kind: "model", path: "kra.pool" },
    ],
  });
  return payout;
}

const moneySum = (entries: readonly CostEntryInput[], currency: Money["currency"]) =>
  sum(
    entries.map((e) => e.amount),
    currency,
  );

/** One year's settlement: interim, or final when `input.year` is the model's last year. */
export function settleYear(model: IncentiveModel, input: YearInput): YearSettlement {
  const steps: Step[] = [
    {
      id: "rounding",
      rule: "alliances.rule.rounding",
      text: "alliances.step.rounding",
      inputs: {},
      result: value.text(""),
      sources: [],
    },
  ];
  const year = input.year;
  const target = targetSteps(model, year, steps);
  const currency = target.currency;
  const none = zero(currency);
  const isFinal = year === lastYearOf(model);

  // Actual cost: only entries counting toward the target; the fee is one of them.
  const counting = input.costs.filter((e) => e.countsTowardTarget);
  const feeEntries = counting.filter((e) => e.category === "fee");
  const reimbursedEntries = counting.filter((e) => e.category !== "fee");
  const outsideEntries = input.costs.filter((e) => !e.countsTowardTarget);
  const reimbursed = moneySum(reimbursedEntries, currency);
  const fee = moneySum(feeEntries, currency);
  const outsideTarget = moneySum(outsideEntries, currency);
  const actual = add(reimbursed, fee);
  const entrySources = (list: readonly CostEntryInput[]): StepSource[] =>
    list.map((e) => ({ kind: "costEntry", id: e.id }));
  steps.push(
    {
      id: "actual.reimbursed",
      rule: "alliances.rule.actual",
      text: "alliances.step.reimbursed",
      inputs: { count: value.number(reimbursedEntries.length) },
      result: value.money(reimbursed),
      sources: entrySources(reimbursedEntries),
    },
    {
      id: "actual.fee",
      rule: "alliances.rule.actual",
      text: "alliances.step.fee",
      inputs: { count: value.number(feeEntries.length) },
      result: value.money(fee),
      sources: entrySources(feeEntries),
    },
    {
      id: "actual",
      rule: "alliances.rule.actual",
      text: "alliances.step.actual",
      inputs: { reimbursed: value.money(reimbursed), fee: value.money(fee) },
      result: value.money(actual),
      sources: [
        { kind: "step", id: "actual.reimbursed" },
        { kind: "step", id: "actual.fee" },
      ],
    },
    {
      id: "actual.outside",
      rule: "alliances.rule.outsideTarget",
      text: "alliances.step.outsideTarget",
      inputs: { count: value.number(outsideEntries.length) },
      result: value.money(outsideTarget),
      sources: entrySources(outsideEntries),
    },
  );

  const difference = subtract(target, actual);
  const outcome = isPositive(difference) ? "gain" : isNegative(difference) ? "pain" : "onTarget";
  const gain = max(difference, none);
  const pain = max(negate(difference), none);
  steps.push({
    id: "difference",
    rule: "alliances.rule.difference",
    text:
      outcome === "gain"
        ? "alliances.step.differenceGain"
        : outcome === "pain"
          ? "alliances.step.differencePain"
          : "alliances.step.differenceNone",
    inputs: {
      target: value.money(target),
      actual: value.money(actual),
      gain: value.money(gain),
      pain: value.money(pain),
    },
    result: value.money(difference),
    sources: [
      { kind: "step", id: "target" },
      { kind: "step", id: "actual" },
    ],
  });

  // The providers' share by the bands, then the cap.
  const gainBands = bandSteps(target, gain, model.gainBands, "gain", steps);
  const painBands = bandSteps(target, pain, model.painBands, "pain", steps);
  const providersShare = subtract(gainBands.share, painBands.share);
  steps.push({
    id: "providers.share",
    rule: outcome === "pain" ? "alliances.rule.painShare" : "alliances.rule.gainShare",
    text: "alliances.step.providersShare",
    inputs: {},
    result: value.money(providersShare),
    sources: [...gainBands.ids, ...painBands.ids].map((id) => ({ kind: "step", id })),
  });

  const gainCap = model.gainCap.kind === "amount" ? model.gainCap.amount : null;
  const painCap =
    model.painCap.kind === "amount" ? model.painCap.amount : model.painCap.kind === "fee" ? max(fee, none) : null;
  const providersGain = gainCap === null ? gainBands.share : min(gainBands.share, gainCap);
  const providersPain = painCap === null ? painBands.share : min(painBands.share, painCap);
  const capped: Money = subtract(providersGain, providersPain);
  if (outcome === "pain") {
    steps.push({
      id: "providers.capped",
      rule: "alliances.rule.painCap",
      text:
        painCap === null
          ? "alliances.step.noPainCap"
          : model.painCap.kind === "fee"
            ? "alliances.step.painCapFee"
            : "alliances.step.painCap",
      inputs: { share: value.money(painBands.share), ...(painCap === null ? {} : { cap: value.money(painCap) }) },
      result: value.money(providersPain),
      sources: [
        { kind: "step", id: "providers.share" },
        ...(model.painCap.kind === "fee" ? [{ kind: "step", id: "actual.fee" } as const] : []),
        { kind: "model", path: "painCap" },
      ],
    });
  } else {
    steps.push({
      id: "providers.capped",
      rule: "alliances.rule.gainCap",
      text: gainCap === null ? "alliances.step.noGainCap" : "alliances.step.gainCap",
      inputs: { share: value.money(gainBands.share), ...(gainCap === null ? {} : { cap: value.money(gainCap) }) },
      result: value.money(providersGain),
      sources: [
        { kind: "step", id: "providers.share" },
        { kind: "model", path: "gainCap" },
      ],
    });
  }
  const ownersGain = subtract(gain, providersGain);
  const ownersPain = subtract(pain, providersPain);
  steps.push({
    id: "owners.side",
    rule: "alliances.rule.ownersSide",
    text: outcome === "pain" ? "alliances.step.ownersPain" : "alliances.step.ownersGain",
    inputs:
      outcome === "pain"
        ? { pain: value.money(pain), providers: value.money(providersPain) }
        : { gain: value.money(gain), providers: value.money(providersGain) },
    result: value.money(outcome === "pain" ? ownersPain : ownersGain),
    sources: [
      { kind: "step", id: "difference" },
      { kind: "step", id: "providers.capped" },
    ],
  });

  // The annual gain cap and the carry-over.
  const carriedIn = input.carriedIn ?? none;
  if (isNegative(carriedIn)) throw new SettlementInputError("alliances.settle.carriedInNegative", "carriedIn");
  const available = add(capped, carriedIn);
  const annualGainCap =
    model.annualGainCap === null || isFinal
      ? null
      : multiply(target, model.annualGainCap.basisPointsOfTarget, fullShare);
  const incentive = annualGainCap === null ? available : min(available, annualGainCap);
  const carriedOut = subtract(available, incentive);
  steps.push({
    id: "incentive",
    rule: "alliances.rule.annualGainCap",
    text:
      annualGainCap !== null
        ? "alliances.step.annualCap"
        : model.annualGainCap !== null
          ? "alliances.step.annualCapLastYear"
          : "alliances.step.noAnnualCap",
    inputs: {
      share: value.money(capped),
      carriedIn: value.money(carriedIn),
      total: value.money(available),
      ...(annualGainCap === null
        ? {}
        : {
            cap: value.money(annualGainCap),
            capShare: value.basisPoints(model.annualGainCap?.basisPointsOfTarget ?? 0),
          }),
    },
    result: value.money(incentive),
    sources: [
      { kind: "step", id: "providers.capped" },
      { kind: "step", id: "target" },
      { kind: "model", path: "annualGainCap" },
    ],
  });
  steps.push({
    id: "carryOver",
    rule: "alliances.rule.carryOver",
    text: "alliances.step.carryOver",
    inputs: { total: value.money(available), paid: value.money(incentive) },
    result: value.money(carriedOut),
    sources: [{ kind: "step", id: "incentive" }],
  });
  const gainPaid = max(incentive, none);
  const painCharged = max(negate(incentive), none);

  const kraPayout = kraSteps(model, input, target, steps);

  const ownersPayment = add(subtract(add(add(reimbursed, fee), gainPaid), painCharged), kraPayout);
  steps.push({
    id: "owners.payment",
    rule: "alliances.rule.ownersPayment",
    text: "alliances.step.ownersPayment",
    inputs: {
      reimbursed: value.money(reimbursed),
      fee: value.money(fee),
      gain: value.money(gainPaid),
      pain: value.money(painCharged),
      kra: value.money(kraPayout),
    },
    result: value.money(ownersPayment),
    sources: [
      { kind: "step", id: "actual.reimbursed" },
      { kind: "step", id: "actual.fee" },
      { kind: "step", id: "incentive" },
      { kind: "step", id: "kra" },
    ],
  });

  // The parts: largest remainder, so each list adds up to its amount exactly.
  const incentiveParts = splitByShares(incentive, model.providerShares);
  const kraParts = splitByShares(kraPayout, model.providerShares);
  const providerParts: ProviderPart[] = incentiveParts.map((p, i) => {
    const kraPart = kraParts[i]?.amount ?? none;
    const total = add(p.amount, kraPart);
    const id = `split.provider.${p.partyId}`;
    steps.push({
      id,
      rule: "alliances.rule.providersSplit",
      text: "alliances.step.providerPart",
      inputs: {
        party: value.text(p.partyId),
        share: value.basisPoints(p.shareBasisPoints),
        incentive: value.money(incentive),
        incentivePart: value.money(p.amount),
        kra: value.money(kraPayout),
        kraPart: value.money(kraPart),
      },
      result: value.money(total),
      sources: [
        { kind: "step", id: "incentive" },
        { kind: "step", id: "kra" },
        { kind: "step", id: "rounding" },
        { kind: "model", path: `providerShares.${i}` },
      ],
    });
    return {
      partyId: p.partyId,
      shareBasisPoints: p.shareBasisPoints,
      incentive: p.amount,
      kraPayout: kraPart,
      total,
      step: id,
    };
  });
  const ownerParts: OwnerPart[] = splitByShares(ownersPayment, model.ownerShares).map((p, i) => {
    const id = `split.owner.${p.partyId}`;
    steps.push({
      id,
      rule: "alliances.rule.ownersSplit",
      text: "alliances.step.ownerPart",
      inputs: {
        party: value.text(p.partyId),
        share: value.basisPoints(p.shareBasisPoints),
        payment: value.money(ownersPayment),
      },
      result: value.money(p.amount),
      sources: [
        { kind: "step", id: "owners.payment" },
        { kind: "step", id: "rounding" },
        { kind: "model", path: `ownerShares.${i}` },
      ],
    });
    return { partyId: p.partyId, shareBasisPoints: p.shareBasisPoints, payment: p.amount, step: id };
  });

  return {
    kind: isFinal ? "final" : "interim",
    year,
    modelVersion: model.version,
    target,
    reimbursed,
    fee,
    actual,
    outsideTarget,
    difference,
    outcome,
    gain,
    pain,
    providersShare,
    providersGain,
    providersPain,
    ownersGain,
    ownersPain,
    gainCap,
    painCap,
    annualGainCap,
    carriedIn,
    carriedOut,
    incentive,
    gainPaid,
    painCharged,
    kraPayout,
    ownersPayment,
    providerParts,
    ownerParts,
    trace: {
      target: "target",
      reimbursed: "actual.reimbursed",
      fee: "actual.fee",
      actual: "actual",
      outsideTarget: "actual.outside",
      difference: "difference",
      providersShare: "providers.share",
      providersGain: "providers.capped",
      providersPain: "providers.capped",
      ownersGain: "owners.side",
      ownersPain: "owners.side",
      incentive: "incentive",
      carriedOut: "carryOver",
      kraPayout: "kra",
      ownersPayment: "owners.payment",
    },
    steps,
  };
}

export interface SettlementTotals {
  /** The years settled, in order (the first model years, without gaps). */
  years: number[];
  /** "final" when the last model year is among them. */
  kind: "interim" | "final";
  target: Money;
  actual: Money;
  difference: Money;
  incentive: Money;
  kraPayout: Money;
  ownersPayment: Money;
  /** What the last settled year carries over (zero after the final year). */
  carriedOut: Money;
  providers: { partyId: string; incentive: Money; kraPayout: Money; total: Money }[];
  owners: { partyId: string; payment: Money }[];
}

/**
 * The model's years settled in order from the first, each year's carry-over
 * carried into the next: the interim settlements so far, or all of them with
 * the final year. The totals add the years' figures (and parts) exactly.
 */
export function settleYears(
  model: IncentiveModel,
  inputs: readonly Omit<YearInput, "carriedIn">[],
): { years: YearSettlement[]; totals: SettlementTotals } {
  const currency = model.years[0]?.baseTarget.currency ?? "EUR";
  const years: YearSettlement[] = [];
  let carried = zero(currency);
  inputs.forEach((input, i) => {
    if (input.year !== model.years[i]?.year)
      throw new SettlementInputError("alliances.settle.yearsInOrder", `years.${i}.year`);
    const settled = settleYear(model, { ...input, carriedIn: carried });
    carried = settled.carriedOut;
    years.push(settled);
  });
  const total = (pick: (y: YearSettlement) => Money) => sum(years.map(pick), currency);
  const last = years[years.length - 1];
  return {
    years,
    totals: {
      years: years.map((y) => y.year),
      kind: last?.kind ?? "interim",
      target: total((y) => y.target),
      actual: total((y) => y.actual),
      difference: total((y) => y.difference),
      incentive: total((y) => y.incentive),
      kraPayout: total((y) => y.kraPayout),
      ownersPayment: total((y) => y.ownersPayment),
      carriedOut: last?.carriedOut ?? zero(currency),
      providers: model.providerShares.map((s, i) => ({
        partyId: s.partyId,
        incentive: total((y) => y.providerParts[i]?.incentive ?? zero(currency)),
        kraPayout: total((y) => y.providerParts[i]?.kraPayout ?? zero(currency)),
        total: total((y) => y.providerParts[i]?.total ?? zero(currency)),
      })),
      owners: model.ownerShares.map((s, i) => ({
        partyId: s.partyId,
        payment: total((y) => y.ownerParts[i]?.payment ?? zero(currency)),
      })),
    },
  };
}
