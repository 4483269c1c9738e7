// Plain values shared by the schema, the services and the browser bundle (no database imports here).

/**
 * The commitments module (issue 12). Its first part is the contract register: folders, contracts with their
 * parties, option periods, documents (with versions) and reminders. Later parts, in this folder and beside these
 * tables: secondments (person, home organisation, FTE, return dates; a contract of type "secondment_agreement" is
 * their paper), state grants and their cost entries, the ramp-down plan (a decision per commitment, the checklist),
 * the final report, the Excel/CSV import and export of the register, and the workspace's archive export.
 */

/** A contract's kind, as public bodies' contract systems name them. */
export const contractTypes = [
  "contract",
  "framework_agreement",
  "secondment_agreement",
  "cooperation_agreement",
  "procurement",
  "lease",
  "licence",
] as const;
export type ContractType = (typeof contractTypes)[number];

/** A contract's life: prepared, in force, being ended (notice given, ramp-down), ended. */
export const contractStatuses = ["draft", "active", "ending", "ended"] as const;
export type ContractStatus = (typeof contractStatuses)[number];

/** Public, or confidential on a legal ground (e.g. "JulkL 24 § 1 mom. 17 k"). */
export const confidentialityLevels = ["public", "confidential"] as const;
export type Confidentiality = (typeof confidentialityLevels)[number];

/** What a party is to the contract. */
export const partyRoles = [
  "buyer",
  "supplier",
  "partner",
  "funder",
  "lessor",
  "lessee",
  "licensor",
  "licensee",
  "other",
] as const;
export type PartyRole = (typeof partyRoles)[number];

/** A notice period is whole months (calendar arithmetic, clamped to month ends) or days. */
export const noticeUnits = ["months", "days"] as const;
export type NoticeUnit = (typeof noticeUnits)[number];

/** The signed contract itself, or one of its annexes; each has versions. */
export const documentKinds = ["signed", "annex"] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** The dates a reminder can be set before. */
export const reminderKinds = ["start", "end", "option_end", "notice_deadline"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** Days before a date a reminder may be set at most (about ten years). */
export const maxReminderDays = 3650;

/** Free metadata: at most this many keys. */
export const maxMetadataKeys = 50;
