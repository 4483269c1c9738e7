import type { Actor } from "../../core/caller.ts";
import { allows, anyone, type Policy, staffUp } from "../../core/policy.ts";

/** What a person may do whatever their place in an alliance. */
export const alliancesPolicy = {
  /** A published alliance's goals, parties and approved results: everyone, also without an account. */
  readPublished: anyone,
  /** The list of alliances: the signed-in see the published ones and their own. */
  listAlliances: ["admin", "staff", "member", "auditor"],
  /** Starting an alliance; its founder becomes its first manager. */
  createAlliances: staffUp,
} as const satisfies Policy<string>;

/** A person's place in one alliance: they represent one of its parties, or manage it (managers read it too). */
export const allianceRoles = ["representative", "manager"] as const;
export type AllianceRole = (typeof allianceRoles)[number];

/**
 * The alliance roles' rules. Every party's representatives see the same alliance and the same open books; only
 * its managers change anything. Workspace roles give nothing here: staff and admins who are not in an alliance
 * see what it publishes, like anyone.
 */
export const allianceRolesPolicy = {
  /** The whole alliance: parties, members, contributions, the open books, the model, settlements, decisions, invoices. */
  readAlliance: ["representative", "manager"],
  /** Its details, parties and members, contributions, the board's decision log and the invoices. */
  manageAlliance: ["manager"],
  /** The open books: budget lines and cost entries (also by import). */
  editBooks: ["manager"],
  /** The incentive model's versions and the settlements worked out with them. */
  editModel: ["manager"],
} as const satisfies Record<string, readonly AllianceRole[]>;

export type AllianceRoleAction = keyof typeof allianceRolesPolicy;

/** The caller's role in the alliance in question, or null when they are not in it. */
export type AllianceMembership = AllianceRole | null;

export function allowsInAlliance(
  action: AllianceRoleAction,
  membership: AllianceMembership,
  actor: Actor | null,
): boolean {
  if (!actor || membership === null) return false;
  const rule: readonly AllianceRole[] = allianceRolesPolicy[action];
  return rule.includes(membership);
}

export const canCreateAlliances = (actor: Actor | null) => allows(alliancesPolicy.createAlliances, actor);
