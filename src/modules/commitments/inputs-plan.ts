import { z } from "zod";
import { centsSchema } from "../../core/money-schema.ts";
import {
  checklistStatuses,
  costCategories,
  cutOffKinds,
  fundingSources,
  rampdownDecisions,
  secondmentLegalForms,
  standardChecklistItems,
} from "./constants.ts";
import { day } from "./inputs.ts";

// Inputs of the secondments, grants and the ramp-down plan. Rules that need the stored row or other rows (a
// person's shares over 100 % in total, a patch merged with the row, references that must exist) are the
// service's, with the same message keys.

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const optional = <T extends z.ZodType>(schema: T) =>
  schema
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional();
const cents = centsSchema.min(0, { error: "money.negative" });

const decimalPattern = /^\s*(\d{1,4})(?:[.,](\d{1,2}))?\s*$/;

/**
 * A decimal with at most two decimals, as a number (0.8) or a string ("0,8" or "0.80"), read exactly into
 * hundredths (80), never through a binary float's rounding; null when it is not one.
 */
export function toHundredths(value: number | string): number | null {
  const match = decimalPattern.exec(String(value));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}

/**
 * Such a decimal within [min, max] hundredths. It stays as given (the service reads it with toHundredths), so
 * that parsing it twice (the router, then the service) gives the same.
 */
const hundredths = (
  min: number,
  max: number,
  error: "commitments.secondment.fteInvalid" | "commitments.grant.shareInvalid",
) =>
  z.union([z.number(), z.string()], { error }).refine(
    (value) => {
      const h = toHundredths(value);
      return h !== null && h >= min && h <= max;
    },
    { error },
  );

export const substituteInput = z.object({ name: required(200), post: text(300).default("") });

const secondmentFields = {
  personName: required(200),
  personId: optional(z.string().trim().min(1).max(100)),
  title: text(300),
  homeOrganisationName: required(300),
  homeOrganisationId: optional(z.uuid()),
  legalForm: z.enum(secondmentLegalForms, { error: "commitments.secondment.legalFormUnknown" }),
  sharePercent: z.coerce
    .number({ error: "commitments.secondment.shareInvalid" })
    .int({ error: "commitments.secondment.shareInvalid" })
    .min(1, { error: "commitments.secondment.shareInvalid" })
    .max(100, { error: "commitments.secondment.shareInvalid" }),
  /** 0.01–1.00: "0.8", 0.8 or "0,80". */
  fte: hundredths(1, 100, "commitments.secondment.fteInvalid"),
  startDate: day,
  agreedEndDate: day,
  plannedReturnDate: optional(day),
  salaryCents: cents,
  sideCostsCents: cents,
  fundingSource: z.enum(fundingSources, { error: "commitments.funding.unknown" }),
  grantEligible: z.boolean(),
  contractId: optional(z.uuid()),
  note: text(4000),
  /** The substitution chain at home, in order: the first stands in for this person, the next for the first… */
  substitutes: z.array(substituteInput).max(10),
};

/** A new secondment; its own dates are checked here, the person's total share by the service. */
export const secondmentInput = z.object({
  ...secondmentFields,
  title: secondmentFields.title.default(""),
  note: secondmentFields.note.default(""),
  grantEligible: secondmentFields.grantEligible.default(true),
  substitutes: secondmentFields.substitutes.default([]),
});
export type SecondmentInput = z.input<typeof secondmentInput>;
export type SecondmentData = z.output<typeof secondmentInput>;
export const secondmentPatch = z.object(secondmentFields).partial();
export type SecondmentPatch = z.input<typeof secondmentPatch>;

export const cutOffInput = z.object({
  kind: z.enum(cutOffKinds, { error: "commitments.grant.cutOffKindUnknown" }),
  date: day,
  label: text(300).default(""),
});

const grantFields = {
  name: required(300),
  decisionNumber: text(200),
  fundingSource: z.enum(fundingSources, { error: "commitments.funding.unknown" }),
  amountCents: cents,
  /** Paid out so far; by default the whole amount. */
  paidCents: cents.nullable(),
  /** The own-funding share in per cent, at most two decimals ("10" or "7,5"). */
  ownSharePercent: hundredths(0, 9999, "commitments.grant.shareInvalid"),
  eligibleFrom: day,
  eligibleTo: day,
  cutOffs: z.array(cutOffInput).max(cutOffKinds.length),
  contractId: optional(z.uuid()),
};
export const grantInput = z.object({
  ...grantFields,
  decisionNumber: grantFields.decisionNumber.default(""),
  paidCents: grantFields.paidCents.default(null),
  cutOffs: grantFields.cutOffs.default([]),
});
export type GrantInput = z.input<typeof grantInput>;
export const grantPatch = z.object(grantFields).partial();
export type GrantPatch = z.input<typeof grantPatch>;

const costFields = {
  category: z.enum(costCategories, { error: "commitments.cost.categoryUnknown" }),
  description: required(1000),
  costDate: day,
  commitmentDate: optional(day),
  amountCents: cents,
  essentialForEnding: z.boolean(),
  forOtherPublicBody: z.boolean(),
  contractId: optional(z.uuid()),
};
export const costInput = z.object({
  ...costFields,
  essentialForEnding: costFields.essentialForEnding.default(false),
  forOtherPublicBody: costFields.forOtherPublicBody.default(false),
});
export type CostInput = z.input<typeof costInput>;
export const costPatch = z.object(costFields).partial();
export type CostPatch = z.input<typeof costPatch>;

const decisionFields = {
  decision: z.enum(rampdownDecisions, { error: "commitments.decision.unknown" }),
  transferTo: optional(required(300)),
  decidedOn: day,
  decidedBy: required(300),
  exitCostCents: cents,
  earliestExitDate: optional(day),
  title: text(500),
  note: text(4000),
};
/** A decision on one commitment: exactly one of contractId, secondmentId, grantId, or a title for another. */
export const decisionInput = z.object({
  ...decisionFields,
  contractId: optional(z.uuid()),
  secondmentId: optional(z.uuid()),
  grantId: optional(z.uuid()),
  exitCostCents: decisionFields.exitCostCents.default(0),
  title: decisionFields.title.default(""),
  note: decisionFields.note.default(""),
});
export type DecisionInput = z.input<typeof decisionInput>;
export const decisionPatch = z.object(decisionFields).partial();
export type DecisionPatch = z.input<typeof decisionPatch>;

const checklistFields = {
  title: text(500),
  owner: text(300),
  status: z.enum(checklistStatuses, { error: "commitments.checklist.statusUnknown" }),
  dueDate: optional(day),
  note: text(4000),
};
export const checklistItemInput = z.object({
  ...checklistFields,
  key: z.enum(standardChecklistItems).nullable().default(null),
  title: checklistFields.title.default(""),
  owner: checklistFields.owner.default(""),
  status: checklistFields.status.default("open"),
  note: checklistFields.note.default(""),
});
export type ChecklistItemInput = z.input<typeof checklistItemInput>;
export const checklistItemPatch = z.object(checklistFields).partial();
export type ChecklistItemPatch = z.input<typeof checklistItemPatch>;
