import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { centsColumn, currencyColumn } from "../../core/money-column.ts";
import { users } from "../accounts/schema.ts";
import { storedFiles } from "../files/schema.ts";
import { organisations } from "../people/schema.ts";
import {
  allianceKinds,
  contributionKinds,
  costCategories,
  invoiceKinds,
  invoiceStatuses,
  partySides,
  phaseNames,
  settlementStatuses,
} from "./constants.ts";

/*
 * The alliances module's tables. An alliance's short lists (goals, customer segments, phases) live in jsonb on
 * its row: they are read and replaced whole, checked by the input schema. Everything with amounts is a table of
 * its own, every amount whole cents in a bigint with the alliance's one currency (alliances.currency).
 */

export const allianceKind = pgEnum("alliance_kind", allianceKinds);
export const alliancePartySide = pgEnum("alliance_party_side", partySides);
export const allianceContributionKind = pgEnum("alliance_contribution_kind", contributionKinds);
export const allianceCostCategory = pgEnum("alliance_cost_category", costCategories);
export const allianceSettlementStatus = pgEnum("alliance_settlement_status", settlementStatuses);
export const allianceInvoiceKind = pgEnum("alliance_invoice_kind", invoiceKinds);
export const allianceInvoiceStatus = pgEnum("alliance_invoice_status", invoiceStatuses);
export const alliancePhaseName = pgEnum("alliance_phase_name", phaseNames);

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: "string" });

export interface SegmentData {
  name: string;
  /** Customers expected per year. */
  expectedVolume: number;
}
export interface PhaseData {
  name: "development" | "implementation" | "afterCare";
  start: string;
  end: string;
  /** The gate decision that closes the phase (the next one may start once approved). */
  gate: "pending" | "approved" | "rejected";
  gateDecidedOn: string | null;
  /** The board's decision that decided the gate (alliance_phase_gates); absent on gates set before decisions did. */
  gateDecisionId?: string | null;
}

export const alliances = pgTable(
  "alliances",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    kind: allianceKind("kind").notNull(),
    description: text("description").notNull().default(""),
    /** The shared target state. */
    goals: jsonb("goals").$type<string[]>().notNull().default([]),
    segments: jsonb("segments").$type<SegmentData[]>().notNull().default([]),
    phases: jsonb("phases").$type<PhaseData[]>().notNull().default([]),
    startDate: day("start_date").notNull(),
    endDate: day("end_date").notNull(),
    currency: currencyColumn(),
    /** Published: the public sees its goals, parties and approved results. */
    published: boolean("published").notNull().default(false),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [
    index("alliances_name_idx").on(t.name, t.id),
    check("alliances_end_after_start_check", sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** An owner or a provider of an alliance, with its business ID, role and agreed share. */
export const allianceParties = pgTable(
  "alliance_parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** "1234567-8", check digit verified. */
    businessId: text("business_id").notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    side: alliancePartySide("side").notNull(),
    role: text("role").notNull().default(""),
    /** Its share among the parties of its side: owners' shares sum to 10 000, providers' too. */
    shareBasisPoints: integer("share_basis_points").notNull(),
    position: integer("position").notNull(),
    createdAt,
  },
  (t) => [
    index("alliance_parties_alliance_idx").on(t.allianceId, t.position),
    uniqueIndex("alliance_parties_business_id_idx").on(t.allianceId, t.businessId),
    check("alliance_parties_share_check", sql`${t.shareBasisPoints} between 0 and 10000`),
  ],
);

/** The people of an alliance: who represents which party, who manages it, who sits on its board. */
export const allianceMembers = pgTable(
  "alliance_members",
  {
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The party the person represents; null for a manager who represents none. */
    partyId: uuid("party_id").references(() => allianceParties.id, { onDelete: "set null" }),
    manager: boolean("manager").notNull().default(false),
    board: boolean("board").notNull().default(false),
    createdAt,
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.personId] }), index("alliance_members_person_idx").on(t.personId)],
);

/** What a party brings in a year: money, staff (named people or FTE), competence, premises, services. */
export const allianceContributions = pgTable(
  "alliance_contributions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => allianceParties.id, { onDelete: "restrict" }),
    year: integer("year").notNull(),
    kind: allianceContributionKind("kind").notNull(),
    description: text("description").notNull().default(""),
    /** The money, or the value of the contribution in kind; null when not valued. */
    amountCents: centsColumn("amount_cents"),
    /** Staff as full-time equivalents, a decimal string ("1.5"); null when not staff. */
    fte: text("fte"),
    /** Staff as named people. */
    people: jsonb("people").$type<string[]>().notNull().default([]),
    createdAt,
  },
  (t) => [
    index("alliance_contributions_alliance_idx").on(t.allianceId, t.year, t.partyId),
    check("alliance_contributions_amount_check", sql`${t.amountCents} is null or ${t.amountCents} >= 0`),
  ],
);

/** The budget: an amount per year, party and category. */
export const allianceBudgetLines = pgTable(
  "alliance_budget_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => allianceParties.id, { onDelete: "restrict" }),
    year: integer("year").notNull(),
    category: allianceCostCategory("category").notNull(),
    description: text("description").notNull().default(""),
    amountCents: centsColumn("amount_cents").notNull(),
    createdAt,
  },
  (t) => [
    index("alliance_budget_lines_alliance_idx").on(t.allianceId, t.year, t.partyId),
    check("alliance_budget_lines_amount_check", sql`${t.amountCents} >= 0`),
  ],
);

/** The open books: one actual cost, booked by a party on a day within the alliance's dates. */
export const allianceCostEntries = pgTable(
  "alliance_cost_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => allianceParties.id, { onDelete: "restrict" }),
    bookedOn: day("booked_on").notNull(),
    category: allianceCostCategory("category").notNull(),
    countsTowardTarget: boolean("counts_toward_target").notNull(),
    amountCents: centsColumn("amount_cents").notNull(),
    description: text("description").notNull().default(""),
    /** Where an auditor finds the voucher (the party's ledger's entry number, an invoice number). */
    auditReference: text("audit_reference").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [
    index("alliance_cost_entries_alliance_idx").on(t.allianceId, t.bookedOn, t.id),
    check("alliance_cost_entries_amount_check", sql`${t.amountCents} >= 0`),
  ],
);

/** One version of the alliance's incentive model (the incentive engine's model, as entered, in jsonb). */
export const allianceModels = pgTable(
  "alliance_models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    validFrom: day("valid_from").notNull(),
    /** The model in its JSON form (amounts as cents). */
    model: jsonb("model").$type<Record<string, unknown>>().notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [uniqueIndex("alliance_models_version_idx").on(t.allianceId, t.version)],
);

export interface PositionData {
  personId: string;
  position: "for" | "against" | "abstain" | "absent";
}

/** The board's decision log: a proposal, its day, every board member's position, and whether it was made. */
export const allianceDecisions = pgTable(
  "alliance_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    /** A short subject for the log ("Toteutusvaiheeseen siirtyminen"); the proposal is the decision's text. */
    subject: text("subject").notNull().default(""),
    proposal: text("proposal").notNull(),
    decidedOn: day("decided_on").notNull(),
    requiresUnanimity: boolean("requires_unanimity").notNull(),
    positions: jsonb("positions").$type<PositionData[]>().notNull(),
    made: boolean("made").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [index("alliance_decisions_alliance_idx").on(t.allianceId, t.decidedOn, t.id)],
);

/**
 * A settlement of a year (interim) or of the last year (final), computed from the books with one model version.
 * Versions per (alliance, year): a correction is a new version; an approved one is never changed.
 */
export const allianceSettlements = pgTable(
  "alliance_settlements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    version: integer("version").notNull(),
    final: boolean("final").notNull(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => allianceModels.id, { onDelete: "restrict" }),
    status: allianceSettlementStatus("status").notNull().default("draft"),
    /** The KRA results it was computed with, per year. */
    kraResults: jsonb("kra_results").$type<Record<string, unknown>>().notNull().default({}),
    /** settleYears' result (every year up to this one, with its steps), bigints tagged. */
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    note: text("note").notNull().default(""),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    approvedBy: text("approved_by").references(() => users.id, { onDelete: "set null" }),
    /** The board's decision that approved it. */
    decisionId: uuid("decision_id").references(() => allianceDecisions.id, { onDelete: "restrict" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [
    uniqueIndex("alliance_settlements_version_idx").on(t.allianceId, t.year, t.version),
    check(
      "alliance_settlements_approved_check",
      sql`(${t.status} = 'approved') = (${t.approvedAt} is not null and ${t.decisionId} is not null)`,
    ),
  ],
);

/** A provider's invoice: monthly (its costs plus fee from the books) or its incentive from a settlement. */
export const allianceInvoices = pgTable(
  "alliance_invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    partyId: uuid("party_id")
      .notNull()
      .references(() => allianceParties.id, { onDelete: "restrict" }),
    kind: allianceInvoiceKind("kind").notNull(),
    /** "YYYY-MM" for a monthly invoice, "YYYY" for an incentive. */
    period: text("period").notNull(),
    costCents: centsColumn("cost_cents").notNull(),
    feeCents: centsColumn("fee_cents").notNull(),
    /** cost + fee, or the incentive (negative: the provider pays it back). */
    amountCents: centsColumn("amount_cents").notNull(),
    settlementId: uuid("settlement_id").references(() => allianceSettlements.id, { onDelete: "restrict" }),
    status: allianceInvoiceStatus("status").notNull().default("unpaid"),
    paidOn: day("paid_on"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [
    uniqueIndex("alliance_invoices_period_idx").on(t.allianceId, t.partyId, t.kind, t.period),
    check("alliance_invoices_paid_check", sql`(${t.status} = 'paid') = (${t.paidOn} is not null)`),
  ],
);

/**
 * The gate between two phases, decided by one of the board's decisions: the phase it closes (development's gate
 * opens implementation), and the decision (a made decision approves it). One per phase; a rejected gate may be
 * decided again by a later decision. The alliance's phases (jsonb) show the same gate, written in the same
 * transaction.
 */
export const alliancePhaseGates = pgTable(
  "alliance_phase_gates",
  {
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    phase: alliancePhaseName("phase").notNull(),
    decisionId: uuid("decision_id")
      .notNull()
      .references(() => allianceDecisions.id, { onDelete: "restrict" }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [primaryKey({ columns: [t.allianceId, t.phase] })],
);

/**
 * A file behind an open-books entry (the receipt or invoice of a cost entry) or a decision (the signed minutes):
 * a stored file (files module), its type detected from the content. On exactly one of the two.
 */
export const allianceAttachments = pgTable(
  "alliance_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    allianceId: uuid("alliance_id")
      .notNull()
      .references(() => alliances.id, { onDelete: "cascade" }),
    costEntryId: uuid("cost_entry_id").references(() => allianceCostEntries.id, { onDelete: "cascade" }),
    decisionId: uuid("decision_id").references(() => allianceDecisions.id, { onDelete: "cascade" }),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
  },
  (t) => [
    index("alliance_attachments_cost_entry_idx").on(t.costEntryId, t.createdAt, t.id),
    index("alliance_attachments_decision_idx").on(t.decisionId, t.createdAt, t.id),
    check("alliance_attachments_target_check", sql`(${t.costEntryId} is null) <> (${t.decisionId} is null)`),
  ],
);
