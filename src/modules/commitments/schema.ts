import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
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
  checklistStatuses,
  commitmentKinds,
  confidentialityLevels,
  contractStatuses,
  contractTypes,
  costCategories,
  cutOffKinds,
  documentKinds,
  eligibilityRules,
  fundingSources,
  noticeUnits,
  partyRoles,
  rampdownDecisions,
  reminderKinds,
  secondmentLegalForms,
  standardChecklistItems,
} from "./constants.ts";

/*
 * The commitments module's tables: the contract register (folders, contracts, parties, option periods, deputies,
 * documents and their versions, reminder settings, sent reminders), then secondments and their substitution
 * chains, grants with their cut-off dates and cost entries, and the ramp-down plan's decisions and checklist; these
 * point at contracts (a secondment agreement, a grant decision) through `contracts.id`.
 */

export const contractType = pgEnum("contract_type", contractTypes);
export const contractStatus = pgEnum("contract_status", contractStatuses);
export const contractConfidentiality = pgEnum("contract_confidentiality", confidentialityLevels);
export const contractPartyRole = pgEnum("contract_party_role", partyRoles);
export const contractNoticeUnit = pgEnum("contract_notice_unit", noticeUnits);
export const contractDocumentKind = pgEnum("contract_document_kind", documentKinds);
export const contractReminderKind = pgEnum("contract_reminder_kind", reminderKinds);
export const secondmentLegalForm = pgEnum("secondment_legal_form", secondmentLegalForms);
export const fundingSource = pgEnum("funding_source", fundingSources);
export const grantCutOffKind = pgEnum("grant_cut_off_kind", cutOffKinds);
export const grantCostCategory = pgEnum("grant_cost_category", costCategories);
export const grantEligibilityRule = pgEnum("grant_eligibility_rule", eligibilityRules);
export const rampdownDecision = pgEnum("rampdown_decision", rampdownDecisions);
export const rampdownCommitmentKind = pgEnum("rampdown_commitment_kind", commitmentKinds);
export const rampdownChecklistStatus = pgEnum("rampdown_checklist_status", checklistStatuses);
export const rampdownChecklistKey = pgEnum("rampdown_checklist_key", standardChecklistItems);

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const day = (name: string) => date(name, { mode: "string" });

/** A folder of the register (e.g. "ICT", "Premises"); contract numbers are unique within one. */
export const contractFolders = pgTable(
  "contract_folders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  // Listed by (name, id); names are unique, so the name alone orders them.
  (t) => [uniqueIndex("contract_folders_name_idx").on(t.name)],
);

/** A contract, framework agreement, call-off, lease, licence… in a folder. */
export const contracts = pgTable(
  "contracts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    folderId: uuid("folder_id")
      .notNull()
      .references(() => contractFolders.id, { onDelete: "restrict" }),
    type: contractType("type").notNull(),
    /** The contract's number, unique within its folder. */
    number: text("number").notNull(),
    /** The diary (asianhallinta) number of the matter, e.g. "POPMAK/123/02.08.00/2018". */
    diaryNumber: text("diary_number").notNull().default(""),
    name: text("name").notNull(),
    /** Our responsible person (the people module's person id). */
    responsibleId: text("responsible_id").references(() => users.id, { onDelete: "set null" }),
    startDate: day("start_date").notNull(),
    /** Null for an open-ended contract (in force until notice). */
    endDate: day("end_date"),
    openEnded: boolean("open_ended").notNull().default(false),
    noticePeriod: integer("notice_period"),
    noticeUnit: contractNoticeUnit("notice_unit"),
    /** dates.ts noticeDeadline(end, period), stored for lists and reminders; null without an end or a period. */
    noticeDeadline: day("notice_deadline"),
    autoRenewal: boolean("auto_renewal").notNull().default(false),
    valueCents: centsColumn("value_cents"),
    currency: currencyColumn(),
    status: contractStatus("status").notNull().default("draft"),
    confidentiality: contractConfidentiality("confidentiality").notNull().default("public"),
    /** The legal ground of confidentiality, e.g. "JulkL 24 § 1 mom. 17 k"; null for a public contract. */
    confidentialityGround: text("confidentiality_ground"),
    /** Free metadata, key → value. */
    metadata: jsonb("metadata").$type<Record<string, string>>().notNull().default({}),
    /** The framework agreement this is a call-off of (or any master contract). */
    masterId: uuid("master_id").references((): AnyPgColumn => contracts.id, { onDelete: "restrict" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [
    uniqueIndex("contracts_folder_number_idx").on(t.folderId, t.number),
    index("contracts_folder_name_idx").on(t.folderId, t.name, t.id),
    index("contracts_name_idx").on(t.name, t.id),
    index("contracts_master_idx").on(t.masterId),
    check("contracts_end_after_start_check", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
    check(
      "contracts_open_ended_check",
      sql`(${t.openEnded} and ${t.endDate} is null) or (not ${t.openEnded} and ${t.endDate} is not null)`,
    ),
    check("contracts_notice_check", sql`(${t.noticePeriod} is null) = (${t.noticeUnit} is null)`),
    check("contracts_notice_positive_check", sql`${t.noticePeriod} is null or ${t.noticePeriod} > 0`),
    check(
      "contracts_confidential_ground_check",
      sql`${t.confidentiality} = 'public' or ${t.confidentialityGround} is not null`,
    ),
    check("contracts_not_own_master_check", sql`${t.masterId} is null or ${t.masterId} <> ${t.id}`),
  ],
);

/** A party to a contract: its name, business ID (Y-tunnus) and role; linked to a home organisation when it is one. */
export const contractParties = pgTable(
  "contract_parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** "1234567-8", check digit verified; null for a party without one (a foreign company, a person). */
    businessId: text("business_id"),
    /** The people module's organisation this party is: its members may read the contract. */
    organisationId: uuid("organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    role: contractPartyRole("role").notNull(),
    position: integer("position").notNull(),
    createdAt,
    updatedAt,
  },
  (t) => [
    index("contract_parties_contract_idx").on(t.contractId, t.position),
    index("contract_parties_organisation_idx").on(t.organisationId),
  ],
);

/** Our deputies for a contract's responsible person (they get its reminders too). */
export const contractDeputies = pgTable(
  "contract_deputies",
  {
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.contractId, t.personId] }), index("contract_deputies_person_idx").on(t.personId)],
);

/** An option period of a contract: a further period the buyer may take up, and whether it was. */
export const contractOptionPeriods = pgTable(
  "contract_option_periods",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    startDate: day("start_date").notNull(),
    endDate: day("end_date").notNull(),
    exercised: boolean("exercised").notNull().default(false),
  },
  (t) => [
    index("contract_option_periods_contract_idx").on(t.contractId, t.position),
    check("contract_option_periods_end_after_start_check", sql`${t.endDate} >= ${t.startDate}`),
  ],
);

/** A document on a contract: the signed contract or an annex; its content is in its versions. */
export const contractDocuments = pgTable(
  "contract_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: contractDocumentKind("kind").notNull(),
    title: text("title").notNull(),
    /** The number of its newest version (1, 2, …). */
    latestVersion: integer("latest_version").notNull().default(0),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [index("contract_documents_contract_idx").on(t.contractId, t.createdAt, t.id)],
);

/** One version of a document: a stored file (files module), its type detected from the content. */
export const contractDocumentVersions = pgTable(
  "contract_document_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    documentId: uuid("document_id")
      .notNull()
      .references(() => contractDocuments.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFiles.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    mimeType: text("mime_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    note: text("note").notNull().default(""),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("contract_document_versions_document_version_idx").on(t.documentId, t.version)],
);

/**
 * How many days before each date a reminder goes out: a folder's defaults (folder_id) or one contract's own
 * settings (contract_id), which replace the folder's for that contract. A null column: no reminder of that kind.
 */
export const contractReminderSettings = pgTable(
  "contract_reminder_settings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    folderId: uuid("folder_id").references(() => contractFolders.id, { onDelete: "cascade" }),
    contractId: uuid("contract_id").references(() => contracts.id, { onDelete: "cascade" }),
    startDays: integer("start_days"),
    endDays: integer("end_days"),
    optionEndDays: integer("option_end_days"),
    noticeDays: integer("notice_days"),
    updatedAt,
  },
  (t) => [
    uniqueIndex("contract_reminder_settings_folder_idx").on(t.folderId),
    uniqueIndex("contract_reminder_settings_contract_idx").on(t.contractId),
    check("contract_reminder_settings_one_owner_check", sql`(${t.folderId} is null) <> (${t.contractId} is null)`),
  ],
);

/**
 * Every reminder sent, once: the unique key (contract, kind, the date reminded of, recipient) makes a second
 * sweep (after a restart, or on another instance at the same moment) insert nothing and so send nothing. The
 * row and the mail job are written in one transaction.
 */
export const contractSentReminders = pgTable(
  "contract_sent_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "cascade" }),
    kind: contractReminderKind("kind").notNull(),
    /** The date reminded of (the start, the end, an option period's end, the notice deadline). */
    eventDate: day("event_date").notNull(),
    /** The day the reminder was due (N days before; the notice deadline's working day before, less N). */
    dueDate: day("due_date").notNull(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("contract_sent_reminders_key").on(t.contractId, t.kind, t.eventDate, t.recipientId),
    index("contract_sent_reminders_recipient_idx").on(t.recipientId, t.eventDate, t.id),
  ],
);

/**
 * A person seconded to the office (point 4): who, from which home organisation, how (legal form), how much of
 * their working time (share %, FTE in hundredths: 80 is 0.80), when (start, agreed end, planned return), what it
 * costs a month (salary and side costs, cents) and what pays for it. A person's shares of overlapping
 * secondments stay within 100 % (checked by the service: a person is their account when named, else their name).
 */
export const secondments = pgTable(
  "secondments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personName: text("person_name").notNull(),
    /** The person's account, when they have one. */
    personId: text("person_id").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull().default(""),
    /** The sending (home) organisation as named; linked to the people module's organisation when it is one. */
    homeOrganisationName: text("home_organisation_name").notNull(),
    homeOrganisationId: uuid("home_organisation_id").references(() => organisations.id, { onDelete: "set null" }),
    legalForm: secondmentLegalForm("legal_form").notNull(),
    sharePercent: integer("share_percent").notNull(),
    fteHundredths: integer("fte_hundredths").notNull(),
    startDate: day("start_date").notNull(),
    agreedEndDate: day("agreed_end_date").notNull(),
    plannedReturnDate: day("planned_return_date"),
    salaryCents: centsColumn("salary_cents").notNull(),
    sideCostsCents: centsColumn("side_costs_cents").notNull(),
    currency: currencyColumn(),
    fundingSource: fundingSource("funding_source").notNull(),
    grantEligible: boolean("grant_eligible").notNull(),
    /** The secondment agreement (or the framework agreement) in the register. */
    contractId: uuid("contract_id").references(() => contracts.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [
    index("secondments_name_idx").on(t.personName, t.id),
    index("secondments_person_idx").on(t.personId),
    index("secondments_return_idx").on(t.plannedReturnDate),
    check("secondments_end_after_start_check", sql`${t.agreedEndDate} >= ${t.startDate}`),
    check(
      "secondments_return_after_start_check",
      sql`${t.plannedReturnDate} is null or ${t.plannedReturnDate} >= ${t.startDate}`,
    ),
    check("secondments_share_check", sql`${t.sharePercent} between 1 and 100`),
    check("secondments_fte_check", sql`${t.fteHundredths} between 1 and 100`),
    check("secondments_costs_check", sql`${t.salaryCents} >= 0 and ${t.sideCostsCents} >= 0`),
  ],
);

/**
 * A substitution chain at the home organisation: position 0 stands in for the seconded person, position 1 for
 * position 0 (who left their own post to substitute), and so on. When the person returns, the chain unwinds.
 */
export const secondmentSubstitutes = pgTable(
  "secondment_substitutes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    secondmentId: uuid("secondment_id")
      .notNull()
      .references(() => secondments.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    /** The post they hold as a substitute (the person before them in the chain holds it otherwise). */
    post: text("post").notNull().default(""),
  },
  (t) => [uniqueIndex("secondment_substitutes_position_idx").on(t.secondmentId, t.position)],
);

/** A state grant (point 5): the amount, the own-funding share, the eligibility period, paid out so far. */
export const grants = pgTable(
  "grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** The grant decision's number (e.g. "VN/1234/2017"). */
    decisionNumber: text("decision_number").notNull().default(""),
    fundingSource: fundingSource("funding_source").notNull(),
    amountCents: centsColumn("amount_cents").notNull(),
    /** Paid out to the office so far; the amount to return is what of it eligible costs do not cover. */
    paidCents: centsColumn("paid_cents").notNull(),
    currency: currencyColumn(),
    /** The own-funding share of eligible costs, in hundredths of a per cent (1000 is 10 %). */
    ownShareHundredths: integer("own_share_hundredths").notNull(),
    eligibleFrom: day("eligible_from").notNull(),
    eligibleTo: day("eligible_to").notNull(),
    /** The grant decision in the register. */
    contractId: uuid("contract_id").references(() => contracts.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [
    uniqueIndex("grants_name_idx").on(t.name),
    check("grants_period_check", sql`${t.eligibleTo} >= ${t.eligibleFrom}`),
    check("grants_share_check", sql`${t.ownShareHundredths} between 0 and 9999`),
    check("grants_amounts_check", sql`${t.amountCents} >= 0 and ${t.paidCents} >= 0`),
  ],
);

/** A grant's cut-off dates: for new commitments, for spending, for the report. */
export const grantCutOffs = pgTable(
  "grant_cut_offs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    kind: grantCutOffKind("kind").notNull(),
    date: day("date").notNull(),
    label: text("label").notNull().default(""),
  },
  (t) => [uniqueIndex("grant_cut_offs_kind_idx").on(t.grantId, t.kind)],
);

/**
 * A cost charged to a grant, with whether it is eligible and the rule that decided it (constants.ts
 * eligibilityRules), decided by the service when the entry is written and again when it or its grant changes.
 */
export const grantCostEntries = pgTable(
  "grant_cost_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    grantId: uuid("grant_id")
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    category: grantCostCategory("category").notNull(),
    description: text("description").notNull(),
    /** When the cost was incurred. */
    costDate: day("cost_date").notNull(),
    /** When the commitment it comes from was made (a contract signed, an order placed); null: none. */
    commitmentDate: day("commitment_date"),
    amountCents: centsColumn("amount_cents").notNull(),
    /** Marked essential for ending the work: a commitment after the cut-off stays eligible. */
    essentialForEnding: boolean("essential_for_ending").notNull().default(false),
    /** ICT development for another public body (a municipality, a joint authority): never eligible. */
    forOtherPublicBody: boolean("for_other_public_body").notNull().default(false),
    eligible: boolean("eligible").notNull(),
    rule: grantEligibilityRule("rule").notNull(),
    contractId: uuid("contract_id").references(() => contracts.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [
    index("grant_cost_entries_grant_idx").on(t.grantId, t.costDate, t.id),
    check("grant_cost_entries_amount_check", sql`${t.amountCents} >= 0`),
  ],
);

/**
 * The ramp-down plan (point 6): one decision per commitment (a contract, a secondment, a grant, or another
 * commitment by title): continue, end, transfer to another organisation, already ended; when, by whom, what
 * leaving costs and the earliest date it can end.
 */
export const rampdownDecisionsTable = pgTable(
  "rampdown_decisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: rampdownCommitmentKind("kind").notNull(),
    contractId: uuid("contract_id").references(() => contracts.id, { onDelete: "cascade" }),
    secondmentId: uuid("secondment_id").references(() => secondments.id, { onDelete: "cascade" }),
    grantId: uuid("grant_id").references(() => grants.id, { onDelete: "cascade" }),
    /** What the commitment is, for "other"; a note beside the others. */
    title: text("title").notNull().default(""),
    decision: rampdownDecision("decision").notNull(),
    /** The organisation it is transferred to, for "transfer". */
    transferTo: text("transfer_to"),
    decidedOn: day("decided_on").notNull(),
    /** Who decided: a body ("Maakuntahallitus") or a person. */
    decidedBy: text("decided_by").notNull(),
    exitCostCents: centsColumn("exit_cost_cents").notNull(),
    currency: currencyColumn(),
    earliestExitDate: day("earliest_exit_date"),
    note: text("note").notNull().default(""),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [
    uniqueIndex("rampdown_decisions_contract_idx").on(t.contractId),
    uniqueIndex("rampdown_decisions_secondment_idx").on(t.secondmentId),
    uniqueIndex("rampdown_decisions_grant_idx").on(t.grantId),
    index("rampdown_decisions_created_idx").on(t.createdAt, t.id),
    check(
      "rampdown_decisions_target_check",
      sql`(${t.kind} = 'contract') = (${t.contractId} is not null) and (${t.kind} = 'secondment') = (${t.secondmentId} is not null) and (${t.kind} = 'grant') = (${t.grantId} is not null)`,
    ),
    check("rampdown_decisions_transfer_check", sql`(${t.decision} = 'transfer') = (${t.transferTo} is not null)`),
    check("rampdown_decisions_cost_check", sql`${t.exitCostCents} >= 0`),
  ],
);

/** The ramp-down checklist: seed 003's decisions (key) and any others (title), each with an owner and a status. */
export const rampdownChecklist = pgTable(
  "rampdown_checklist",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** One of the standard items (its title is translated), or null for one of the office's own. */
    key: rampdownChecklistKey("key"),
    title: text("title").notNull().default(""),
    owner: text("owner").notNull().default(""),
    status: rampdownChecklistStatus("status").notNull().default("open"),
    dueDate: day("due_date"),
    note: text("note").notNull().default(""),
    position: integer("position").notNull(),
    createdAt,
    updatedAt,
  },
  (t) => [
    uniqueIndex("rampdown_checklist_key_idx").on(t.key),
    index("rampdown_checklist_position_idx").on(t.position, t.id),
    check("rampdown_checklist_title_check", sql`${t.key} is not null or ${t.title} <> ''`),
  ],
);
