import type { Actor } from "../../core/caller.ts";
import { adminOnly, allows, anyone, membersUp, type Policy } from "../../core/policy.ts";

/** Who may do what with accounts; the services (and better-auth's reset callback) ask this. */
export const accountsPolicy = {
  invitePerson: adminOnly,
  listInvitations: adminOnly,
  /** The link's token is the proof; the visitor has no account yet. */
  acceptInvitation: anyone,
  /** The e-mailed token is the proof, whoever's browser sends it. */
  resetPassword: anyone,
  /** GET /api/me: the signed-in person's own account. */
  readOwnAccount: membersUp,
} as const satisfies Policy<string>;

export type AccountsAction = keyof typeof accountsPolicy;

/** For pages deciding what to show (the invitation form); the service enforces the same entry. */
export const canInvitePeople = (actor: Actor | null) => allows(accountsPolicy.invitePerson, actor);
