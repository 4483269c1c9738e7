import { z } from "@hono/zod-openapi";
import { checklistStatuses, commitmentKinds, rampdownDecisions, standardChecklistItems } from "./constants.ts";
import type { ChecklistRow, DecisionView } from "./rampdown.ts";

const day = z.string().openapi({ description: "A calendar day, YYYY-MM-DD", example: "2019-06-30" });

export const decisionSchema = z
  .object({
    id: z.uuid(),
    commitment: z.object({
      kind: z.enum(commitmentKinds),
      id: z.uuid().nullable(),
      label: z.string().openapi({ description: "The contract's number and name, the person, the grant, or the title" }),
    }),
    decision: z.enum(rampdownDecisions),
    transferTo: z.string().nullable(),
    decidedOn: day,
    decidedBy: z.string(),
    exitCostCents: z.number().int().openapi({ description: "Whole cents" }),
    currency: z.string(),
    earliestExitDate: day.nullable(),
    title: z.string(),
    note: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("RampdownDecision");
export const presentDecision = ({ decision: d, commitment }: DecisionView): z.infer<typeof decisionSchema> => ({
  id: d.id,
  commitment,
  decision: d.decision,
  transferTo: d.transferTo,
  decidedOn: d.decidedOn,
  decidedBy: d.decidedBy,
  exitCostCents: Number(d.exitCostCents),
  currency: d.currency,
  earliestExitDate: d.earliestExitDate,
  title: d.title,
  note: d.note,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});
export const decisionListSchema = z.object({ items: z.array(decisionSchema) }).openapi("RampdownDecisionList");

export const checklistItemSchema = z
  .object({
    id: z.uuid(),
    key: z.enum(standardChecklistItems).nullable().openapi({ description: "A standard item (seed 003), or null" }),
    title: z.string().openapi({ description: "The office's own item's title; empty for a standard item" }),
    owner: z.string(),
    status: z.enum(checklistStatuses),
    dueDate: day.nullable(),
    note: z.string(),
    position: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("RampdownChecklistItem");
export const presentChecklistItem = (r: ChecklistRow): z.infer<typeof checklistItemSchema> => ({
  id: r.id,
  key: r.key,
  title: r.title,
  owner: r.owner,
  status: r.status,
  dueDate: r.dueDate,
  note: r.note,
  position: r.position,
  updatedAt: r.updatedAt.toISOString(),
});
export const checklistSchema = z.object({ items: z.array(checklistItemSchema) }).openapi("RampdownChecklist");
