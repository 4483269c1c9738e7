import { z } from "@hono/zod-openapi";
import { currencyCodes, type Money } from "../../core/money.ts";
import { moneyJson } from "../../core/money-schema.ts";
import { type Page, pageSchema } from "../../core/pagination.ts";
import type { Locale } from "../../i18n/locale.ts";
import type { AllianceRow, PartyRow } from "./access.ts";
import type { AttachmentRow } from "./attachments.ts";
import type { BooksSummaryRow, BudgetLineRow, CostEntryRow } from "./books.ts";
import type { AllianceChartData } from "./chart-data.ts";
import {
  allianceKinds,
  contributionKinds,
  costCategories,
  gateDecisions,
  invoiceKinds,
  invoiceStatuses,
  partySides,
  phaseNames,
  positions,
  settlementStatuses,
} from "./constants.ts";
import type { DecisionLogEntry, DecisionRow } from "./decisions.ts";
import type { ImportReport } from "./import.ts";
import type { Rational } from "./incentive/rational.ts";
import type { YearSettlement } from "./incentive/settle.ts";
import { describeStep, formatStepValue, ruleName, type Step, type StepValue } from "./incentive/steps.ts";
import type { InvoiceView, OutstandingView } from "./invoices.ts";
import { allianceRoles } from "./policy.ts";
import type { AllianceView, ContributionRow, ContributionSummary, PublishedAllianceView } from "./service.ts";
import { comparedFigures, type ModelView, type SettlementRow, type SettlementView } from "./settlements.ts";

/** Days are "YYYY-MM-DD", instants ISO 8601, money `{ cents, currency }` (whole cents, never a float). */
const day = z.string().openapi({ description: "A calendar day, YYYY-MM-DD", example: "2025-12-31" });
const iso = (d: Date) => d.toISOString();
export const amountSchema = z
  .object({ cents: z.number().int(), currency: z.enum(currencyCodes) })
  .openapi("AllianceAmount", { description: "Whole cents and a currency: 1250000 EUR is 12 500,00 €" });
const amount = (m: Money) => moneyJson(m);
const cents = (c: bigint, currency: Money["currency"]) => moneyJson({ cents: c, currency });
const basisPoints = z.number().int().openapi({ description: "Basis points: 10000 is 100 %" });

export const allianceSummarySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(allianceKinds),
    description: z.string(),
    goals: z.array(z.string()).openapi({ description: "The shared target state" }),
    segments: z.array(z.object({ name: z.string(), expectedVolume: z.number().int() })),
    phases: z.array(
      z.object({
        name: z.enum(phaseNames),
        start: day,
        end: day,
        gate: z.enum(gateDecisions),
        gateDecidedOn: day.nullable(),
        gateDecisionId: z.uuid().nullable().openapi({
          description: "The board's decision that decided the gate (null: pending, or set before decisions)",
        }),
      }),
    ),
    startDate: day,
    endDate: day,
    currency: z.enum(currencyCodes),
    published: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("AllianceSummary");
export const presentAllianceSummary = (a: AllianceRow): z.infer<typeof allianceSummarySchema> => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  description: a.description,
  goals: a.goals,
  segments: a.segments,
  phases: a.phases.map((p) => ({ ...p, gateDecisionId: p.gateDecisionId ?? null })),
  startDate: a.startDate,
  endDate: a.endDate,
  currency: a.currency,
  published: a.published,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
});
export const alliancesPageSchema = pageSchema(allianceSummarySchema).openapi("AlliancePage");
export const presentAlliancesPage = (page: Page<AllianceRow>) => ({
  items: page.items.map(presentAllianceSummary),
  nextCursor: page.nextCursor,
});

export const partySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    businessId: z.string().openapi({ description: "Y-tunnus, 1234567-8" }),
    organisationId: z.uuid().nullable(),
    side: z.enum(partySides),
    role: z.string(),
    shareBasisPoints: basisPoints,
    position: z.number().int(),
  })
  .openapi("AllianceParty");
export const presentParty = (p: PartyRow): z.infer<typeof partySchema> => ({
  id: p.id,
  name: p.name,
  businessId: p.businessId,
  organisationId: p.organisationId,
  side: p.side,
  role: p.role,
  shareBasisPoints: p.shareBasisPoints,
  position: p.position,
});
export const partiesSchema = z.object({ items: z.array(partySchema) }).openapi("AllianceParties");

export const memberSchema = z
  .object({
    personId: z.string(),
    name: z.string(),
    partyId: z.uuid().nullable().openapi({ description: "The party the person represents" }),
    manager: z.boolean(),
    board: z.boolean().openapi({ description: "Sits on the alliance board (takes positions on its decisions)" }),
  })
  .openapi("AllianceMember");
export const membersSchema = z.object({ items: z.array(memberSchema) }).openapi("AllianceMembers");
export const presentMember = (m: AllianceView["members"][number]): z.infer<typeof memberSchema> => ({
  personId: m.personId,
  name: m.name,
  partyId: m.partyId,
  manager: m.manager,
  board: m.board,
});

export const allianceSchema = allianceSummarySchema
  .extend({
    parties: z.array(partySchema),
    members: z.array(memberSchema),
    membership: z.enum(allianceRoles).nullable().openapi({ description: "The caller's place in the alliance" }),
    canManage: z.boolean(),
    canEditBooks: z.boolean(),
    canEditModel: z.boolean(),
  })
  .openapi("Alliance");
export const presentAlliance = (v: AllianceView): z.infer<typeof allianceSchema> => ({
  ...presentAllianceSummary(v.alliance),
  parties: v.parties.map(presentParty),
  members: v.members.map(presentMember),
  membership: v.membership,
  canManage: v.canManage,
  canEditBooks: v.canEditBooks,
  canEditModel: v.canEditModel,
});

const resultFiguresSchema = z.object({
  year: z.number().int(),
  final: z.boolean(),
  version: z.number().int(),
  target: amountSchema,
  actual: amountSchema,
  difference: amountSchema,
  incentive: amountSchema,
  kraPayout: amountSchema,
  ownersPayment: amountSchema,
});

/** What the public sees: no members, no books; the approved settlements' headline figures. */
export const publishedAllianceSchema = allianceSummarySchema
  .omit({ createdAt: true, updatedAt: true, published: true })
  .extend({ parties: z.array(partySchema), results: z.array(resultFiguresSchema) })
  .openapi("PublishedAlliance");
export const presentPublishedAlliance = (v: PublishedAllianceView): z.infer<typeof publishedAllianceSchema> => {
  const { createdAt: _c, updatedAt: _u, published: _p, ...summary } = presentAllianceSummary(v.alliance);
  return {
    ...summary,
    // The decision log is the members' own: the public sees a gate's outcome and day, not which decision it was.
    phases: summary.phases.map((p) => ({ ...p, gateDecisionId: null })),
    parties: v.parties.map(presentParty),
    results: v.results.flatMap((r) => {
      const years = (r.result as { years?: YearSettlement[] }).years;
      const last = years?.at(-1);
      if (!last) return [];
      return [
        {
          year: r.year,
          final: r.final,
          version: r.version,
          target: amount(last.target),
          actual: amount(last.actual),
          difference: amount(last.difference),
          incentive: amount(last.incentive),
          kraPayout: amount(last.kraPayout),
          ownersPayment: amount(last.ownersPayment),
        },
      ];
    }),
  };
};

export const contributionSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    year: z.number().int(),
    kind: z.enum(contributionKinds),
    description: z.string(),
    amount: amountSchema.nullable(),
    fte: z.string().nullable().openapi({ description: "Full-time equivalents, a decimal: 1.5" }),
    people: z.array(z.string()),
  })
  .openapi("AllianceContribution");
export const presentContribution = (c: ContributionRow, currency: Money["currency"]) => ({
  id: c.id,
  partyId: c.partyId,
  year: c.year,
  kind: c.kind,
  description: c.description,
  amount: c.amountCents === null ? null : cents(c.amountCents, currency),
  fte: c.fte,
  people: c.people,
});
const contributionSummarySchema = z.object({
  partyId: z.uuid().nullable().openapi({ description: "null: the whole alliance" }),
  year: z.number().int().nullable().openapi({ description: "null: every year" }),
  money: amountSchema,
  inKind: amountSchema.openapi({ description: "The valued contributions in kind" }),
  fte: z.string(),
  people: z.number().int(),
});
export const contributionsSchema = z
  .object({ items: z.array(contributionSchema), summary: z.array(contributionSummarySchema) })
  .openapi("AllianceContributions");
export const presentContributions = (v: {
  contributions: ContributionRow[];
  summary: ContributionSummary[];
  currency: Money["currency"];
}): z.infer<typeof contributionsSchema> => ({
  items: v.contributions.map((c) => presentContribution(c, v.currency)),
  summary: v.summary.map((s) => ({ ...s, money: amount(s.money), inKind: amount(s.inKind) })),
});

export const budgetLineSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    year: z.number().int(),
    category: z.enum(costCategories),
    description: z.string(),
    amount: amountSchema,
  })
  .openapi("AllianceBudgetLine");
export const presentBudgetLine = (b: BudgetLineRow, currency: Money["currency"]) => ({
  id: b.id,
  partyId: b.partyId,
  year: b.year,
  category: b.category,
  description: b.description,
  amount: cents(b.amountCents, currency),
});
export const budgetLinesSchema = z.object({ items: z.array(budgetLineSchema) }).openapi("AllianceBudgetLines");

export const costEntrySchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    bookedOn: day,
    category: z.enum(costCategories),
    countsTowardTarget: z.boolean(),
    amount: amountSchema,
    description: z.string(),
    auditReference: z.string(),
    createdAt: z.iso.datetime(),
  })
  .openapi("AllianceCostEntry");
export const presentCostEntry = (e: CostEntryRow, currency: Money["currency"]): z.infer<typeof costEntrySchema> => ({
  id: e.id,
  partyId: e.partyId,
  bookedOn: e.bookedOn,
  category: e.category,
  countsTowardTarget: e.countsTowardTarget,
  amount: cents(e.amountCents, currency),
  description: e.description,
  auditReference: e.auditReference,
  createdAt: iso(e.createdAt),
});
export const costEntriesPageSchema = pageSchema(costEntrySchema).openapi("AllianceCostEntryPage");
export const presentCostEntriesPage = (page: Page<CostEntryRow>, currency: Money["currency"]) => ({
  items: page.items.map((e) => presentCostEntry(e, currency)),
  nextCursor: page.nextCursor,
});

export const booksSummarySchema = z
  .object({
    rows: z.array(
      z.object({
        year: z.number().int(),
        partyId: z.uuid().nullable().openapi({ description: "null: the alliance's year" }),
        budget: amountSchema,
        actual: amountSchema,
        towardTarget: amountSchema,
      }),
    ),
  })
  .openapi("AllianceBooksSummary");
export const presentBooksSummary = (v: { rows: BooksSummaryRow[] }): z.infer<typeof booksSummarySchema> => ({
  rows: v.rows.map((r) => ({
    ...r,
    budget: amount(r.budget),
    actual: amount(r.actual),
    towardTarget: amount(r.towardTarget),
  })),
});

export const importReportSchema = z
  .object({
    rows: z.number().int(),
    valid: z.boolean(),
    stored: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({ description: "The spreadsheet's row number; the header is row 1" }),
        field: z.enum(["file", "party", "date", "category", "counts", "amount", "auditReference", "description"]),
        message: z.string(),
      }),
    ),
    entries: z.array(
      z.object({
        row: z.number().int(),
        partyId: z.uuid(),
        partyName: z.string(),
        bookedOn: day,
        category: z.enum(costCategories),
        countsTowardTarget: z.boolean(),
        amount: amountSchema,
        auditReference: z.string(),
        description: z.string(),
      }),
    ),
  })
  .openapi("AllianceCostImportReport");
export const presentImportReport = (r: ImportReport, currency: Money["currency"]) => ({
  rows: r.rows,
  valid: r.valid,
  stored: r.stored,
  errors: r.errors,
  entries: r.entries.map(({ amountCents, ...e }) => ({ ...e, amount: cents(amountCents, currency) })),
});

export const modelSchema = z
  .object({
    id: z.uuid(),
    version: z.number().int(),
    validFrom: day,
    model: z
      .record(z.string(), z.unknown())
      .openapi({ description: "The incentive model as entered (amounts as whole cents); POST takes the same shape" }),
    createdAt: z.iso.datetime(),
    createdByName: z.string().nullable().openapi({ description: "Who saved the version" }),
  })
  .openapi("AllianceIncentiveModel");
export const presentModel = (v: ModelView): z.infer<typeof modelSchema> => ({
  id: v.row.id,
  version: v.row.version,
  validFrom: v.row.validFrom,
  model: v.row.model,
  createdAt: iso(v.row.createdAt),
  createdByName: v.createdByName,
});
export const modelsSchema = z.object({ items: z.array(modelSchema) }).openapi("AllianceIncentiveModels");

const stepValueSchema = z.object({
  kind: z.enum(["money", "basisPoints", "ratio", "decimal", "number", "text"]),
  value: z.union([amountSchema, z.number(), z.string(), z.object({ numerator: z.string(), denominator: z.string() })]),
  display: z.string().openapi({ description: "As people read it in the caller's language" }),
});
const presentStepValue = (v: StepValue, locale: Locale, names: Record<string, string>) => ({
  kind: v.kind,
  value:
    v.kind === "money"
      ? amount(v.value)
      : v.kind === "ratio"
        ? { numerator: v.value.numerator.toString(), denominator: v.value.denominator.toString() }
        : v.kind === "text"
          ? (names[v.value] ?? v.value)
          : v.value,
  display: v.kind === "text" ? (names[v.value] ?? v.value) : formatStepValue(v, locale),
});

const stepSchema = z
  .object({
    id: z.string(),
    rule: z.string(),
    ruleName: z.string(),
    description: z.string().openapi({ description: "The step's sentence with its values, in the caller's language" }),
    inputs: z.record(z.string(), stepValueSchema),
    result: stepValueSchema,
    sources: z.array(
      z.object({
        kind: z.enum(["step", "costEntry", "adjustment", "model"]),
        ref: z.string().openapi({ description: "A step id, a cost entry id, an adjustment's index or a model path" }),
      }),
    ),
  })
  .openapi("AllianceSettlementStep");
const presentStep = (step: Step, locale: Locale, names: Record<string, string>) => ({
  id: step.id,
  rule: step.rule,
  ruleName: ruleName(step, locale),
  description: describeStep(step, locale, names),
  inputs: Object.fromEntries(Object.entries(step.inputs).map(([k, v]) => [k, presentStepValue(v, locale, names)])),
  result: presentStepValue(step.result, locale, names),
  sources: step.sources.map((s) => ({
    kind: s.kind,
    ref: s.kind === "step" || s.kind === "costEntry" ? s.id : s.kind === "adjustment" ? String(s.index) : s.path,
  })),
});

const yearFigures = [
  "target",
  "reimbursed",
  "fee",
  "actual",
  "outsideTarget",
  "difference",
  "gain",
  "pain",
  "providersShare",
  "providersGain",
  "providersPain",
  "ownersGain",
  "ownersPain",
  "carriedIn",
  "carriedOut",
  "incentive",
  "gainPaid",
  "painCharged",
  "kraPayout",
  "ownersPayment",
] as const;

const yearSettlementSchema = z
  .object({
    kind: z.enum(["interim", "final"]),
    year: z.number().int(),
    modelVersion: z.number().int(),
    outcome: z.enum(["gain", "pain", "onTarget"]),
    figures: z.object(
      Object.fromEntries(yearFigures.map((f) => [f, amountSchema])) as Record<
        (typeof yearFigures)[number],
        typeof amountSchema
      >,
    ),
    gainCap: amountSchema.nullable(),
    painCap: amountSchema.nullable(),
    annualGainCap: amountSchema.nullable(),
    providerParts: z.array(
      z.object({
        partyId: z.string(),
        shareBasisPoints: basisPoints,
        incentive: amountSchema,
        kraPayout: amountSchema,
        total: amountSchema,
        step: z.string(),
      }),
    ),
    ownerParts: z.array(
      z.object({ partyId: z.string(), shareBasisPoints: basisPoints, payment: amountSchema, step: z.string() }),
    ),
    trace: z.record(z.string(), z.string()).openapi({ description: "Each figure's step (its id in steps)" }),
    steps: z.array(stepSchema),
  })
  .openapi("AllianceYearSettlement");
const presentYear = (y: YearSettlement, locale: Locale, names: Record<string, string>) => ({
  kind: y.kind,
  year: y.year,
  modelVersion: y.modelVersion,
  outcome: y.outcome,
  figures: Object.fromEntries(yearFigures.map((f) => [f, amount(y[f])])) as Record<
    (typeof yearFigures)[number],
    z.infer<typeof amountSchema>
  >,
  gainCap: y.gainCap ? amount(y.gainCap) : null,
  painCap: y.painCap ? amount(y.painCap) : null,
  annualGainCap: y.annualGainCap ? amount(y.annualGainCap) : null,
  providerParts: y.providerParts.map((p) => ({
    ...p,
    incentive: amount(p.incentive),
    kraPayout: amount(p.kraPayout),
    total: amount(p.total),
  })),
  ownerParts: y.ownerParts.map((p) => ({ ...p, payment: amount(p.payment) })),
  trace: y.trace,
  steps: y.steps.map((s) => presentStep(s, locale, names)),
});

export const settlementSummarySchema = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    version: z.number().int(),
    final: z.boolean(),
    status: z.enum(settlementStatuses).openapi({ description: "approved: frozen; a correction is a new version" }),
    modelId: z.uuid(),
    note: z.string(),
    approvedAt: z.iso.datetime().nullable(),
    decisionId: z.uuid().nullable().openapi({ description: "The board's decision that approved it" }),
    createdAt: z.iso.datetime(),
  })
  .openapi("AllianceSettlementSummary");
export const presentSettlementSummary = (r: SettlementRow): z.infer<typeof settlementSummarySchema> => ({
  id: r.id,
  year: r.year,
  version: r.version,
  final: r.final,
  status: r.status,
  modelId: r.modelId,
  note: r.note,
  approvedAt: r.approvedAt ? iso(r.approvedAt) : null,
  decisionId: r.decisionId,
  createdAt: iso(r.createdAt),
});
export const settlementsSchema = z
  .object({ items: z.array(settlementSummarySchema) })
  .openapi("AllianceSettlementList");

export const settlementSchema = settlementSummarySchema
  .extend({
    years: z.array(yearSettlementSchema).openapi({ description: "Every model year up to this one, in order" }),
    totals: z.object({
      kind: z.enum(["interim", "final"]),
      years: z.array(z.number().int()),
      target: amountSchema,
      actual: amountSchema,
      difference: amountSchema,
      incentive: amountSchema,
      kraPayout: amountSchema,
      ownersPayment: amountSchema,
      carriedOut: amountSchema,
      providers: z.array(
        z.object({ partyId: z.string(), incentive: amountSchema, kraPayout: amountSchema, total: amountSchema }),
      ),
      owners: z.array(z.object({ partyId: z.string(), payment: amountSchema })),
    }),
    previous: z
      .object({ id: z.uuid(), version: z.number().int(), status: z.enum(settlementStatuses) })
      .nullable()
      .openapi({ description: "The version this one corrects" }),
    changes: z
      .array(
        z.object({ figure: z.enum(comparedFigures), before: amountSchema, after: amountSchema, change: amountSchema }),
      )
      .openapi({ description: "How the year's figures differ from the previous version" }),
    parties: z.record(z.string(), z.string()).openapi({ description: "Party ids → names" }),
  })
  .openapi("AllianceSettlement");
export const presentSettlement = (v: SettlementView, locale: Locale): z.infer<typeof settlementSchema> => {
  const t = v.result.totals;
  return {
    ...presentSettlementSummary(v.row),
    years: v.result.years.map((y) => presentYear(y, locale, v.names)),
    totals: {
      kind: t.kind,
      years: t.years,
      target: amount(t.target),
      actual: amount(t.actual),
      difference: amount(t.difference),
      incentive: amount(t.incentive),
      kraPayout: amount(t.kraPayout),
      ownersPayment: amount(t.ownersPayment),
      carriedOut: amount(t.carriedOut),
      providers: t.providers.map((p) => ({
        partyId: p.partyId,
        incentive: amount(p.incentive),
        kraPayout: amount(p.kraPayout),
        total: amount(p.total),
      })),
      owners: t.owners.map((o) => ({ partyId: o.partyId, payment: amount(o.payment) })),
    },
    previous: v.previous,
    changes: v.changes.map((c) => ({
      figure: c.figure,
      before: amount(c.before),
      after: amount(c.after),
      change: amount(c.change),
    })),
    parties: v.names,
  };
};

export const decisionSchema = z
  .object({
    id: z.uuid(),
    subject: z.string(),
    proposal: z.string().openapi({ description: "The decision's text" }),
    decidedOn: day,
    requiresUnanimity: z.boolean(),
    positions: z.array(z.object({ personId: z.string(), position: z.enum(positions) })),
    made: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .openapi("AllianceDecision");
export const presentDecision = (d: DecisionRow): z.infer<typeof decisionSchema> => ({
  id: d.id,
  subject: d.subject,
  proposal: d.proposal,
  decidedOn: d.decidedOn,
  requiresUnanimity: d.requiresUnanimity,
  positions: d.positions,
  made: d.made,
  createdAt: iso(d.createdAt),
});
export const decisionsSchema = z.object({ items: z.array(decisionSchema) }).openapi("AllianceDecisions");

/** An attachment's URL (attachments-http.ts): the name is for people and downloads; the id decides. */
export const attachmentUrl = (id: string, name: string) => `/alliances/attachments/${id}/${encodeURIComponent(name)}`;

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    costEntryId: z.uuid().nullable(),
    decisionId: z.uuid().nullable(),
    name: z.string(),
    mimeType: z.string().openapi({ description: "Detected from the content" }),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: z.iso.datetime(),
    downloadUrl: z.string().openapi({ description: "Always a download (Content-Disposition: attachment)" }),
  })
  .openapi("AllianceAttachment");
export const presentAttachment = (a: AttachmentRow): z.infer<typeof attachmentSchema> => ({
  id: a.id,
  costEntryId: a.costEntryId,
  decisionId: a.decisionId,
  name: a.name,
  mimeType: a.mimeType,
  size: a.size,
  sha256: a.sha256,
  createdAt: iso(a.createdAt),
  downloadUrl: attachmentUrl(a.id, a.name),
});
export const attachmentsSchema = z.object({ items: z.array(attachmentSchema) }).openapi("AllianceAttachments");

export const decisionLogEntrySchema = decisionSchema
  .extend({
    positions: z.array(
      z.object({
        personId: z.string(),
        name: z.string(),
        partyId: z.uuid().nullable().openapi({ description: "The party the member represents" }),
        partyName: z.string().nullable(),
        position: z.enum(positions),
      }),
    ),
    partiesPresent: z.array(z.object({ id: z.uuid(), name: z.string() })),
    attachments: z.array(attachmentSchema),
    gates: z.array(z.enum(phaseNames)).openapi({ description: "The phases whose gate this decision decided" }),
  })
  .openapi("AllianceDecisionLogEntry");
export const presentDecisionLogEntry = (e: DecisionLogEntry): z.infer<typeof decisionLogEntrySchema> => ({
  ...presentDecision(e.row),
  positions: e.positions,
  partiesPresent: e.partiesPresent,
  attachments: e.attachments.map(presentAttachment),
  gates: e.gates,
});
export const decisionLogSchema = z.object({ items: z.array(decisionLogEntrySchema) }).openapi("AllianceDecisionLog");

export const invoiceSchema = z
  .object({
    id: z.uuid(),
    partyId: z.uuid(),
    kind: z.enum(invoiceKinds),
    period: z.string().openapi({ description: "YYYY-MM (monthly) or YYYY (incentive)" }),
    cost: amountSchema,
    fee: amountSchema,
    amount: amountSchema.openapi({ description: "cost + fee, or the incentive (negative: paid back)" }),
    settlementId: z.uuid().nullable(),
    status: z.enum(invoiceStatuses),
    paidOn: day.nullable(),
    owners: z
      .array(z.object({ partyId: z.uuid(), shareBasisPoints: basisPoints, amount: amountSchema }))
      .openapi({ description: "What each owner pays of it by its share; the parts add up to the amount exactly" }),
  })
  .openapi("AllianceInvoice");
export const presentInvoice = (v: InvoiceView): z.infer<typeof invoiceSchema> => ({
  id: v.row.id,
  partyId: v.row.partyId,
  kind: v.row.kind,
  period: v.row.period,
  cost: cents(v.row.costCents, v.currency),
  fee: cents(v.row.feeCents, v.currency),
  amount: cents(v.row.amountCents, v.currency),
  settlementId: v.row.settlementId,
  status: v.row.status,
  paidOn: v.row.paidOn,
  owners: v.owners.map((o) => ({ partyId: o.partyId, shareBasisPoints: o.shareBasisPoints, amount: amount(o.amount) })),
});
export const invoicesSchema = z.object({ items: z.array(invoiceSchema) }).openapi("AllianceInvoices");

export const outstandingSchema = z
  .object({
    providers: z.array(
      z.object({ partyId: z.uuid(), invoiced: amountSchema, paid: amountSchema, outstanding: amountSchema }),
    ),
    owners: z
      .array(z.object({ partyId: z.uuid(), outstanding: amountSchema }))
      .openapi({ description: "Each owner's part of the unpaid invoices by its share; they add up to the total" }),
    total: amountSchema.openapi({ description: "The unpaid invoices together (an incentive paid back lowers it)" }),
  })
  .openapi("AllianceInvoicesOutstanding");
export const presentOutstanding = (v: OutstandingView): z.infer<typeof outstandingSchema> => ({
  providers: v.providers.map((p) => ({
    partyId: p.partyId,
    invoiced: amount(p.invoiced),
    paid: amount(p.paid),
    outstanding: amount(p.outstanding),
  })),
  owners: v.owners.map((o) => ({ partyId: o.partyId, outstanding: amount(o.outstanding) })),
  total: amount(v.total),
});

/** An exact fraction as a decimal string, rounded half away from zero to `places` (KRA scores to two). */
const ratioText = (r: Rational, places = 2): string => {
  const scale = 10n ** BigInt(places);
  const n = r.numerator * scale;
  const negative = n < 0n;
  const abs = negative ? -n : n;
  let q = abs / r.denominator;
  if ((abs % r.denominator) * 2n >= r.denominator) q += 1n;
  const digits = q.toString().padStart(places + 1, "0");
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return negative && q !== 0n ? `-${text}` : text;
};

export const allianceChartsSchema = z
  .object({
    parties: z.array(z.object({ id: z.uuid(), name: z.string() })),
    books: z.array(z.object({ year: z.number().int(), partyId: z.uuid(), budget: amountSchema, actual: amountSchema })),
    cumulative: z.array(
      z.object({
        month: z.string().openapi({ description: "YYYY-MM" }),
        actual: amountSchema.nullable(),
        target: amountSchema.nullable(),
        floor: amountSchema.nullable(),
        ceiling: amountSchema.nullable(),
      }),
    ),
    kra: z.object({
      kind: z.enum(["none", "pool", "perPoint"]),
      years: z.array(
        z.object({
          year: z.number().int(),
          score: z.string().nullable().openapi({ description: "Weighted score −100…+100, two decimals" }),
          areas: z.array(z.object({ name: z.string(), score: z.string() })),
          achieved: z.string().nullable(),
          promised: z.string().nullable(),
        }),
      ),
    }),
  })
  .openapi("AllianceCharts");
export const presentAllianceCharts = (d: AllianceChartData): z.infer<typeof allianceChartsSchema> => ({
  parties: d.parties,
  books: d.books.map((r) => ({
    year: r.year,
    partyId: r.partyId ?? "",
    budget: amount(r.budget),
    actual: amount(r.actual),
  })),
  cumulative: d.cumulative.map((m) => ({
    month: m.month,
    actual: m.actual ? amount(m.actual) : null,
    target: m.target ? amount(m.target) : null,
    floor: m.floor ? amount(m.floor) : null,
    ceiling: m.ceiling ? amount(m.ceiling) : null,
  })),
  kra: {
    kind: d.kra.kind,
    years: d.kra.years.map((y) => ({
      year: y.year,
      score: y.score ? ratioText(y.score) : null,
      areas: y.areas.map((a) => ({ name: a.name, score: ratioText(a.score) })),
      achieved: y.achieved,
      promised: y.promised,
    })),
  },
});
