// Plain values shared by the schema, the services and the browser bundle (no database imports here).

/**
 * The commitments module (issue 12): the contract register (folders, contracts with their parties, option
 * periods, documents with versions, reminders), secondments (person, home organisation, FTE, return dates; a
 * contract of type "secondment_agreement" is their paper), state grants and their cost entries, and the ramp-down
 * plan (a decision per commitment, the checklist). Still to come: the final report, the Excel/CSV import and export
 * of the register, and the workspace's archive export.
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

/**
 * How a seconded person works for the office: on leave from their post with a fixed-term post here, or lent by
 * their home organisation under a cooperation (framework) agreement that reimburses the costs, or bought as a
 * service; or the office's own fixed-term employee.
 */
export const secondmentLegalForms = ["leave_fixed_term", "staff_loan", "purchased_service", "own_fixed_term"] as const;
export type SecondmentLegalForm = (typeof secondmentLegalForms)[number];

/** What pays for a secondment or a grant: the state's base grant, its separate ICT grant, and others. */
export const fundingSources = ["base_grant", "ict_grant", "own_funding", "project_funding", "other"] as const;
export type FundingSource = (typeof fundingSources)[number];

/** What a grant's cut-off date cuts: new commitments (made after it), spending (costs after it), the report due. */
export const cutOffKinds = ["commitments", "spending", "report"] as const;
export type CutOffKind = (typeof cutOffKinds)[number];

/** A cost entry's category in a grant report. */
export const costCategories = [
  "personnel",
  "services",
  "ict_development",
  "premises",
  "travel",
  "archiving",
  "reporting",
  "other",
] as const;
export type CostCategory = (typeof costCategories)[number];

/**
 * The rule that decided whether a cost is eligible (the finance ministry's instructions of 20.3.2019, seed 003),
 * checked in this order: outside the eligibility period or after the spending cut-off; ICT development for other
 * public bodies; a commitment made after the commitments cut-off, unless essential for ending the work (then
 * eligible by that rule); otherwise eligible.
 */
export const eligibilityRules = [
  "outside_period",
  "after_spending_cut_off",
  "ict_for_other_public_body",
  "commitment_after_cut_off",
  "essential_for_ending",
  "eligible",
] as const;
export type EligibilityRule = (typeof eligibilityRules)[number];

/** A ramp-down decision on one commitment. */
export const rampdownDecisions = ["continue", "end", "transfer", "already_ended"] as const;
export type RampdownDecision = (typeof rampdownDecisions)[number];

/** What a ramp-down decision is about. */
export const commitmentKinds = ["contract", "secondment", "grant", "other"] as const;
export type CommitmentKind = (typeof commitmentKinds)[number];

export const checklistStatuses = ["open", "in_progress", "done"] as const;
export type ChecklistStatus = (typeof checklistStatuses)[number];

/** The decisions seed 003 lists for a stopped preparation, in its order: the ramp-down checklist's standard items. */
export const standardChecklistItems = [
  "staff_return",
  "schedule",
  "who_stays",
  "what_continues",
  "contracts_to_finish",
  "data_saved",
  "final_report_form",
  "special_projects_home",
  "next_government_programme",
] as const;
export type StandardChecklistItem = (typeof standardChecklistItems)[number];
