import { compareDates } from "../../core/dates.ts";
import type { CostCategory, CutOffKind, EligibilityRule } from "./constants.ts";

export interface GrantRules {
  eligibleFrom: string;
  eligibleTo: string;
  cutOffs: { kind: CutOffKind; date: string }[];
}
export interface CostFacts {
  category: CostCategory;
  costDate: string;
  commitmentDate: string | null;
  essentialForEnding: boolean;
  forOtherPublicBody: boolean;
}

/**
 * Whether a cost is eligible, and the rule that decided it, after the finance ministry's instructions for the
 * stopped preparation (seed 003, VM 20.3.2019): checked in the order of constants.ts eligibilityRules.
 *  - a cost outside the eligibility period, or after the spending cut-off, is ineligible;
 *  - development or ICT work for a municipality, joint authority or another public body is ineligible;
 *  - the cost of a commitment made after the commitments cut-off (8.3.2019) is ineligible, unless making it was
 *    essential for ending the preparation;
 *  - anything else is eligible.
 */
export function decideEligibility(grant: GrantRules, cost: CostFacts): { eligible: boolean; rule: EligibilityRule } {
  const cutOff = (kind: CutOffKind) => grant.cutOffs.find((c) => c.kind === kind)?.date ?? null;
  if (compareDates(cost.costDate, grant.eligibleFrom) < 0 || compareDates(cost.costDate, grant.eligibleTo) > 0)
    return { eligible: false, rule: "outside_period" };
  const spending = cutOff("spending");
  if (spending && compareDates(cost.costDate, spending) > 0) return { eligible: false, rule: "after_spending_cut_off" };
  if (cost.forOtherPublicBody) return { eligible: false, rule: "ict_for_other_public_body" };
  const commitments = cutOff("commitments");
  if (commitments && cost.commitmentDate && compareDates(cost.commitmentDate, commitments) > 0)
    return cost.essentialForEnding
      ? { eligible: true, rule: "essential_for_ending" }
      : { eligible: false, rule: "commitment_after_cut_off" };
  return { eligible: true, rule: "eligible" };
}

export interface GrantFigures {
  amountCents: bigint;
  paidCents: bigint;
  ownShareHundredths: number;
}
export interface GrantSummary {
  totalCents: bigint;
  eligibleCents: bigint;
  ineligibleCents: bigint;
  /** The own-funding share of the eligible costs (rounded half up to the cent). */
  ownShareCents: bigint;
  /** What the grant covers of the eligible costs: the rest of them, at most the grant's amount. */
  grantUsedCents: bigint;
  /** The grant's amount not used. */
  remainingCents: bigint;
  /** What was paid out and not used: to be paid back. */
  toReturnCents: bigint;
}

/** A grant's figures from its eligible and ineligible costs, in whole cents. */
export function summarise(grant: GrantFigures, costs: { amountCents: bigint; eligible: boolean }[]): GrantSummary {
  const eligibleCents = costs.filter((c) => c.eligible).reduce((n, c) => n + c.amountCents, 0n);
  const totalCents = costs.reduce((n, c) => n + c.amountCents, 0n);
  const ownShareCents = (eligibleCents * BigInt(grant.ownShareHundredths) + 5000n) / 10000n;
  const covered = eligibleCents - ownShareCents;
  const grantUsedCents = covered < grant.amountCents ? covered : grant.amountCents;
  const unusedPaid = grant.paidCents - grantUsedCents;
  return {
    totalCents,
    eligibleCents,
    ineligibleCents: totalCents - eligibleCents,
    ownShareCents,
    grantUsedCents,
    remainingCents: grant.amountCents - grantUsedCents,
    toReturnCents: unusedPaid > 0n ? unusedPaid : 0n,
  };
}
