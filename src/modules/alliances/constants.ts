// Plain values shared by the schema, the services and the browser bundle (no database imports here).

/** A service alliance runs a service for years; a project alliance delivers one project. */
export const allianceKinds = ["service", "project"] as const;
export type AllianceKind = (typeof allianceKinds)[number];

/** Owners (region, municipalities) pay; providers (companies, associations) deliver and share gain and pain. */
export const partySides = ["owner", "provider"] as const;
export type PartySide = (typeof partySides)[number];

/** The alliance's life in order; a gate decision closes each phase before the next. */
export const phaseNames = ["development", "implementation", "afterCare"] as const;
export type PhaseName = (typeof phaseNames)[number];
export const gateDecisions = ["pending", "approved", "rejected"] as const;
export type GateDecision = (typeof gateDecisions)[number];

/** What a party brings in a year. */
export const contributionKinds = ["money", "staff", "competence", "premises", "services"] as const;
export type ContributionKind = (typeof contributionKinds)[number];

/** The open books' categories (the incentive engine's CostCategory). */
export const costCategories = ["reimbursable", "overhead", "subcontract", "fee", "ownerOutside"] as const;
export type CostCategoryName = (typeof costCategories)[number];

/** A settlement is worked out (draft) and then approved by the board, which freezes it. */
export const settlementStatuses = ["draft", "approved"] as const;
export type SettlementStatus = (typeof settlementStatuses)[number];

/** A board member's position on a proposal. */
export const positions = ["for", "against", "abstain", "absent"] as const;
export type Position = (typeof positions)[number];

/** A provider's monthly invoice (cost plus fee), or its incentive at the period's end. */
export const invoiceKinds = ["monthly", "incentive"] as const;
export type InvoiceKind = (typeof invoiceKinds)[number];
export const invoiceStatuses = ["unpaid", "paid"] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** 10 000 basis points are 100 %. */
export const fullShare = 10_000;

/** A settlement's figures in the order its page, XLSX and minutes list them. */
export const settlementFigures = [
  "target",
  "reimbursed",
  "fee",
  "actual",
  "outsideTarget",
  "difference",
  "providersGain",
  "providersPain",
  "incentive",
  "carriedOut",
  "kraPayout",
  "ownersPayment",
] as const;
