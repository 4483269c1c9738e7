import { z } from "zod";
import { plainDate } from "../../core/dates.ts";
import { currencyCodes } from "../../core/money.ts";
import { moneyInput } from "../../core/money-schema.ts";
import { isBusinessId } from "../commitments/business-id.ts";
import {
  allianceKinds,
  contributionKinds,
  costCategories,
  fullShare,
  gateDecisions,
  invoiceStatuses,
  partySides,
  phaseNames,
  positions,
} from "./constants.ts";
import type { AlliancesMessageKey } from "./messages.ts";

// Rules that need stored rows (a party of this alliance, a day within its dates, the board's members, the next
// model version) are checked by the services with the same kind of message keys.

const m = (key: AlliancesMessageKey) => ({ error: key });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** A calendar day "YYYY-MM-DD" that exists. */
export const day = z.iso.date(m("alliances.date.invalid")).refine((value) => {
  try {
    return plainDate(value) !== null;
  } catch {
    return false;
  }
}, m("alliances.date.invalid"));

export const year = z.coerce
  .number(m("alliances.year.invalid"))
  .int(m("alliances.year.invalid"))
  .min(1900, m("alliances.year.invalid"))
  .max(2200, m("alliances.year.invalid"));

const segmentInput = z.object({
  name: required(200),
  expectedVolume: z.coerce
    .number(m("alliances.segment.volume"))
    .int(m("alliances.segment.volume"))
    .min(0, m("alliances.segment.volume"))
    .max(10_000_000, m("alliances.segment.volume")),
});

const phaseInput = z
  .object({
    name: z.enum(phaseNames, m("alliances.phase.unknown")),
    start: day,
    end: day,
    gate: z.enum(gateDecisions).default("pending"),
    gateDecidedOn: day.nullable().default(null),
  })
  .refine((p) => p.end >= p.start, { path: ["end"], ...m("alliances.phase.endBeforeStart") })
  .refine((p) => (p.gate === "pending") === (p.gateDecidedOn === null), {
    path: ["gateDecidedOn"],
    ...m("alliances.phase.gateDay"),
  });

/**
 * Phases in the order development → implementation → after-care, each at most once, none before the previous ends.
 * Later phases may be planned ahead; their gates are decided in order by the board's decisions (gates.ts).
 */
function checkPhases(
  phases: readonly { name: string; start: string; end: string; gate: string }[],
  ctx: z.RefinementCtx,
  dates: { startDate?: string; endDate?: string },
) {
  phases.forEach((phase, i) => {
    const previous = phases[i - 1];
    if (previous && phaseNames.indexOf(phase.name as never) <= phaseNames.indexOf(previous.name as never))
      ctx.addIssue({ code: "custom", path: ["phases", i, "name"], message: "alliances.phase.order" });
    else if (previous && phase.start <= previous.end)
      ctx.addIssue({ code: "custom", path: ["phases", i, "start"], message: "alliances.phase.overlap" });
    if ((dates.startDate && phase.start < dates.startDate) || (dates.endDate && phase.end > dates.endDate))
      ctx.addIssue({ code: "custom", path: ["phases", i, "start"], message: "alliances.phase.outsideAlliance" });
  });
}

const allianceFields = {
  name: required(300),
  kind: z.enum(allianceKinds, m("alliances.kind.unknown")),
  description: text(4000),
  goals: z.array(required(1000)).max(50),
  segments: z.array(segmentInput).max(50),
  phases: z.array(phaseInput).max(3),
  startDate: day,
  endDate: day,
  currency: z.enum(currencyCodes),
  published: z.boolean(),
};

export const businessId = z.string().trim().refine(isBusinessId, m("alliances.party.businessIdInvalid"));

export const partyInput = z.object({
  /** A stored party's id keeps it (its books stay with it); without one a new party is added. */
  id: z.uuid().optional(),
  name: required(300),
  businessId,
  organisationId: z
    .uuid()
    .or(z.literal("").transform(() => null))
    .nullable()
    .default(null),
  side: z.enum(partySides, m("alliances.party.sideUnknown")),
  role: text(300).default(""),
  shareBasisPoints: z.coerce
    .number(m("alliances.party.share"))
    .int(m("alliances.party.share"))
    .min(0, m("alliances.party.share"))
    .max(fullShare, m("alliances.party.share")),
});
export type PartyInput = z.input<typeof partyInput>;

/** The owners' shares sum to 100 %, and the providers' do (a side without parties has nothing to sum). */
function checkParties(parties: readonly z.output<typeof partyInput>[], ctx: z.RefinementCtx) {
  for (const side of partySides) {
    const list = parties.filter((p) => p.side === side);
    const total = list.reduce((s, p) => s + p.shareBasisPoints, 0);
    if (list.length > 0 && total !== fullShare)
      ctx.addIssue({
        code: "custom",
        path: ["parties"],
        message: side === "owner" ? "alliances.party.ownerSharesSum" : "alliances.party.providerSharesSum",
      });
  }
  const seen = new Set<string>();
  parties.forEach((p, i) => {
    if (seen.has(p.businessId))
      ctx.addIssue({ code: "custom", path: ["parties", i, "businessId"], message: "alliances.party.businessIdTwice" });
    seen.add(p.businessId);
  });
}

export const allianceInput = z
  .object({
    ...allianceFields,
    description: allianceFields.description.default(""),
    goals: allianceFields.goals.default([]),
    segments: allianceFields.segments.default([]),
    phases: allianceFields.phases.default([]),
    currency: allianceFields.currency.default("EUR"),
    published: allianceFields.published.default(false),
    parties: z.array(partyInput).max(100).default([]),
  })
  .superRefine((a, ctx) => {
    if (a.endDate < a.startDate)
      ctx.addIssue({ code: "custom", path: ["endDate"], message: "alliances.alliance.endBeforeStart" });
    checkPhases(a.phases, ctx, a);
    checkParties(a.parties, ctx);
  });
export type AllianceInput = z.input<typeof allianceInput>;

/** A change to an alliance's own fields; lists given replace the stored ones (parties have their own call). */
export const alliancePatch = z
  .object(allianceFields)
  .omit({ currency: true })
  .partial()
  .superRefine((a, ctx) => {
    if (a.phases) checkPhases(a.phases, ctx, a);
  });
export type AlliancePatch = z.input<typeof alliancePatch>;

/** The whole party set at once, so the shares are checked together. */
export const partiesInput = z
  .object({ parties: z.array(partyInput).max(100) })
  .superRefine((p, ctx) => checkParties(p.parties, ctx));
export type PartiesInput = z.input<typeof partiesInput>;

export const memberInput = z.object({
  personId: required(100),
  partyId: z
    .uuid()
    .or(z.literal("").transform(() => null))
    .nullable()
    .default(null),
  manager: z.boolean().default(false),
  board: z.boolean().default(false),
});
export type MemberInput = z.input<typeof memberInput>;

const nonNegative = () => moneyInput().refine((a) => a.cents >= 0n, m("alliances.amount.negative"));

/** An FTE figure: "1", "0.5", "2,25" (at most two decimals). */
const fte = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    const t = String(v).trim().replace(",", ".");
    if (!/^\d{1,4}(\.\d{1,2})?$/.test(t)) {
      ctx.addIssue({ code: "custom", message: "alliances.contribution.fte" });
      return z.NEVER;
    }
    return t;
  })
  .nullable()
  .default(null);

export const contributionInput = z
  .object({
    partyId: z.uuid(m("alliances.party.choose")),
    year,
    kind: z.enum(contributionKinds, m("alliances.contribution.kindUnknown")),
    description: text(2000).default(""),
    amount: nonNegative().nullable().default(null),
    fte,
    people: z.array(required(200)).max(100).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.kind === "money" && c.amount === null)
      ctx.addIssue({ code: "custom", path: ["amount"], message: "alliances.contribution.amountRequired" });
    if (c.kind === "staff" && c.fte === null && c.people.length === 0)
      ctx.addIssue({ code: "custom", path: ["fte"], message: "alliances.contribution.staffRequired" });
  });
export type ContributionInput = z.input<typeof contributionInput>;

export const budgetLineInput = z.object({
  partyId: z.uuid(m("alliances.party.choose")),
  year,
  category: z.enum(costCategories, m("alliances.cost.categoryUnknown")),
  description: text(2000).default(""),
  amount: nonNegative(),
});
export type BudgetLineInput = z.input<typeof budgetLineInput>;

/** One actual cost. It counts toward the target unless told, except an owner's cost outside the target. */
export const costEntryInput = z
  .object({
    partyId: z.uuid(m("alliances.party.choose")),
    bookedOn: day,
    category: z.enum(costCategories, m("alliances.cost.categoryUnknown")),
    countsTowardTarget: z.boolean().optional(),
    amount: nonNegative(),
    description: text(2000).default(""),
    auditReference: z
      .string(m("alliances.cost.auditReference"))
      .trim()
      .min(1, m("alliances.cost.auditReference"))
      .max(200, m("alliances.cost.auditReference")),
  })
  .transform((c) => ({ ...c, countsTowardTarget: c.countsTowardTarget ?? c.category !== "ownerOutside" }))
  .superRefine((c, ctx) => {
    if (c.category === "ownerOutside" && c.countsTowardTarget)
      ctx.addIssue({ code: "custom", path: ["countsTowardTarget"], message: "alliances.cost.outsideCounts" });
  });
export type CostEntryInputData = z.input<typeof costEntryInput>;

/** A year's KRA results: each measure's value (pool), or the assessed points (per point). */
const kraResult = z.object({
  measures: z.record(required(100), z.union([z.number(), required(30)]).transform(String)).optional(),
  achievedPoints: z
    .union([z.number(), required(30)])
    .transform(String)
    .optional(),
});

export const settlementInput = z.object({
  year,
  /** By year ("2025": { … }); every settled year of a model with key result areas needs its results. */
  kraResults: z.record(z.string().regex(/^\d{4}$/), kraResult).default({}),
  note: text(2000).default(""),
});
export type SettlementInput = z.input<typeof settlementInput>;

export const approvalInput = z.object({ decisionId: z.uuid(m("alliances.settlement.decisionRequired")) });
export type ApprovalInput = z.input<typeof approvalInput>;

export const decisionInput = z.object({
  /** A short subject for the log; the proposal is the decision's text. */
  subject: text(300).default(""),
  proposal: required(4000),
  decidedOn: day,
  requiresUnanimity: z.boolean().default(false),
  positions: z
    .array(z.object({ personId: required(100), position: z.enum(positions, m("alliances.decision.position")) }))
    .max(100),
  /** Whether the board made the decision; refused when the positions do not carry it. */
  made: z.boolean(),
});
export type DecisionInput = z.input<typeof decisionInput>;

export const monthlyInvoiceInput = z.object({
  partyId: z.uuid(m("alliances.party.choose")),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, m("alliances.invoice.month")),
});
export type MonthlyInvoiceInput = z.input<typeof monthlyInvoiceInput>;

export const incentiveInvoicesInput = z.object({ settlementId: z.uuid() });

export const paymentInput = z
  .object({ status: z.enum(invoiceStatuses), paidOn: day.nullable().default(null) })
  .refine((p) => (p.status === "paid") === (p.paidOn !== null), {
    path: ["paidOn"],
    ...m("alliances.invoice.paidOn"),
  });
export type PaymentInput = z.input<typeof paymentInput>;

/** A phase's gate decided by one of the board's decisions (a made decision approves it, one not made rejects it). */
export const gateInput = z.object({
  phase: z.enum(phaseNames, m("alliances.gate.phaseChoose")),
  decisionId: z.uuid(m("alliances.gate.decisionChoose")),
});
export type GateInput = z.input<typeof gateInput>;
