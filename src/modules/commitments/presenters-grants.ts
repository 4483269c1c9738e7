import { z } from "@hono/zod-openapi";
import { type Page, pageSchema } from "../../core/pagination.ts";
import { costCategories, cutOffKinds, eligibilityRules, fundingSources } from "./constants.ts";
import type { GrantSummary } from "./eligibility.ts";
import type { CostRow, GrantView } from "./grants.ts";
import { hundredthsText } from "./plan-common.ts";

const day = z.string().openapi({ description: "A calendar day, YYYY-MM-DD", example: "2019-03-08" });
const cents = z.number().int().openapi({ description: "Whole cents" });

export const grantSummarySchema = z
  .object({
    totalCents: cents,
    eligibleCents: cents,
    ineligibleCents: cents,
    ownShareCents: cents.openapi({ description: "The own-funding share of the eligible costs" }),
    grantUsedCents: cents.openapi({
      description: "What the grant covers: eligible costs less the own share, at most the amount",
    }),
    remainingCents: cents,
    toReturnCents: cents.openapi({ description: "Paid out and not used" }),
  })
  .openapi("GrantSummary");
const presentSummary = (s: GrantSummary): z.infer<typeof grantSummarySchema> => ({
  totalCents: Number(s.totalCents),
  eligibleCents: Number(s.eligibleCents),
  ineligibleCents: Number(s.ineligibleCents),
  ownShareCents: Number(s.ownShareCents),
  grantUsedCents: Number(s.grantUsedCents),
  remainingCents: Number(s.remainingCents),
  toReturnCents: Number(s.toReturnCents),
});

export const grantSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    decisionNumber: z.string(),
    fundingSource: z.enum(fundingSources),
    amountCents: cents,
    paidCents: cents,
    currency: z.string(),
    ownSharePercent: z.string().openapi({ example: "10.00" }),
    eligibleFrom: day,
    eligibleTo: day,
    cutOffs: z.array(z.object({ kind: z.enum(cutOffKinds), date: day, label: z.string() })),
    contractId: z.uuid().nullable(),
    summary: grantSummarySchema,
    reportUrls: z.object({ csv: z.string(), xlsx: z.string(), docx: z.string() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("Grant");
export const presentGrant = ({ grant: g, cutOffs, summary }: GrantView): z.infer<typeof grantSchema> => ({
  id: g.id,
  name: g.name,
  decisionNumber: g.decisionNumber,
  fundingSource: g.fundingSource,
  amountCents: Number(g.amountCents),
  paidCents: Number(g.paidCents),
  currency: g.currency,
  ownSharePercent: hundredthsText(g.ownShareHundredths),
  eligibleFrom: g.eligibleFrom,
  eligibleTo: g.eligibleTo,
  cutOffs: cutOffs.map((c) => ({ kind: c.kind, date: c.date, label: c.label })),
  contractId: g.contractId,
  summary: presentSummary(summary),
  reportUrls: {
    csv: `/commitments/grants/${g.id}/report.csv`,
    xlsx: `/commitments/grants/${g.id}/report.xlsx`,
    docx: `/commitments/grants/${g.id}/report.docx`,
  },
  createdAt: g.createdAt.toISOString(),
  updatedAt: g.updatedAt.toISOString(),
});
export const grantListSchema = z.object({ items: z.array(grantSchema) }).openapi("GrantList");

export const costSchema = z
  .object({
    id: z.uuid(),
    grantId: z.uuid(),
    category: z.enum(costCategories),
    description: z.string(),
    costDate: day,
    commitmentDate: day.nullable(),
    amountCents: cents,
    essentialForEnding: z.boolean(),
    forOtherPublicBody: z.boolean(),
    eligible: z.boolean(),
    rule: z.enum(eligibilityRules).openapi({ description: "The rule that decided eligibility" }),
    contractId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("GrantCostEntry");
export const presentCost = (c: CostRow): z.infer<typeof costSchema> => ({
  id: c.id,
  grantId: c.grantId,
  category: c.category,
  description: c.description,
  costDate: c.costDate,
  commitmentDate: c.commitmentDate,
  amountCents: Number(c.amountCents),
  essentialForEnding: c.essentialForEnding,
  forOtherPublicBody: c.forOtherPublicBody,
  eligible: c.eligible,
  rule: c.rule,
  contractId: c.contractId,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});
export const costsPageSchema = pageSchema(costSchema).openapi("GrantCostPage");
export const presentCostsPage = (page: Page<CostRow>) => ({
  items: page.items.map(presentCost),
  nextCursor: page.nextCursor,
});
