import { adminOnly, anyone, type Policy } from "../../core/policy.ts";

export const accountsPolicy = {
  invitePerson: adminOnly,
  listInvitations: adminOnly,
  /** The link's token is the proof; the visitor has no account yet. */
  acceptInvitation: anyone,
} as const satisfies Policy<string>;

export type AccountsAction = keyof typeof accountsPolicy;
