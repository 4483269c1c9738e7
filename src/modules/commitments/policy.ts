import type { Actor } from "../../core/caller.ts";
import { allows, type Policy, staffUp } from "../../core/policy.ts";

/**
 * Who may do what in the contract register. Staff and admins manage it; an auditor reads all of it and changes
 * nothing; a member reads the contracts their home organisation is a party to. A party is matched to an
 * organisation by the organisation id the party names (contract_parties.organisation_id): the people module's
 * organisations have no business ID, so a business ID alone never opens a contract.
 */
export const commitmentsPolicy = {
  /** Folders, and the list of contracts (a member's list holds only their organisation's). */
  readRegister: ["admin", "staff", "auditor", "member"],
  /** Any contract, with its parties, documents and reminder settings. */
  readAllContracts: ["admin", "staff", "auditor"],
  /** A contract one of whose parties is the caller's home organisation (those who read all read these too). */
  readPartyContracts: ["admin", "staff", "auditor", "member"],
  /** Folders, contracts, parties, documents, reminder settings. */
  manageContracts: staffUp,
  /** One's own due reminders (as a contract's responsible person or deputy). */
  readOwnReminders: ["admin", "staff", "auditor", "member"],
  /** Secondments with their costs and substitution chains, the totals and the return schedule (salaries: not members). */
  readSecondments: ["admin", "staff", "auditor"],
  manageSecondments: staffUp,
  /** Grants, their cost entries and the report. */
  readGrants: ["admin", "staff", "auditor"],
  manageGrants: staffUp,
  /** The ramp-down plan's decisions and its checklist. */
  readRampdown: ["admin", "staff", "auditor"],
  manageRampdown: staffUp,
} as const satisfies Policy<string>;

export type CommitmentsAction = keyof typeof commitmentsPolicy;

export const canManageContracts = (actor: Actor | null): boolean => allows(commitmentsPolicy.manageContracts, actor);
export const canReadAllContracts = (actor: Actor | null): boolean => allows(commitmentsPolicy.readAllContracts, actor);

/** Whether the caller may read a contract whose parties are these organisations, given their own organisation. */
export function canReadContract(
  actor: Actor | null,
  partyOrganisationIds: readonly (string | null)[],
  ownOrganisationId: string | null,
): boolean {
  if (canReadAllContracts(actor)) return true;
  return (
    allows(commitmentsPolicy.readPartyContracts, actor) &&
    ownOrganisationId !== null &&
    partyOrganisationIds.includes(ownOrganisationId)
  );
}
