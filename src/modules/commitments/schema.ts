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
  confidentialityLevels,
  contractStatuses,
  contractTypes,
  documentKinds,
  noticeUnits,
  partyRoles,
  reminderKinds,
} from "./constants.ts";

/*
 * The commitments module's tables. This first part is the contract register (folders, contracts, parties, option
 * periods, deputies, documents and their versions, reminder settings, sent reminders). Secondments, grants and
 * their cost entries, the ramp-down plan and its checklist come later as tables of their own in this file; they
 * point at contracts (a secondment agreement, a grant decision) through `contracts.id`.
 */

export const contractType = pgEnum("contract_type", contractTypes);
export const contractStatus = pgEnum("contract_status", contractStatuses);
export const contractConfidentiality = pgEnum("contract_confidentiality", confidentialityLevels);
export const contractPartyRole = pgEnum("contract_party_role", partyRoles);
export const contractNoticeUnit = pgEnum("contract_notice_unit", noticeUnits);
export const contractDocumentKind = pgEnum("contract_document_kind", documentKinds);
export const contractReminderKind = pgEnum("contract_reminder_kind", reminderKinds);

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
