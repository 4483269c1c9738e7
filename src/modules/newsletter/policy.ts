import { adminOnly, anyone, type Policy, staffUp } from "../../core/policy.ts";

/**
 * Who may do what with the newsletter. Anyone subscribes, confirms and unsubscribes (with the link the mail carried)
 * and reads the archive of sent issues; staff compose, preview and send issues; only admins see subscribers'
 * addresses, export and erase one subscriber's data.
 */
export const newsletterPolicy = {
  subscribe: anyone,
  readArchive: anyone,
  manageIssues: staffUp,
  manageSubscribers: adminOnly,
} as const satisfies Policy<string>;

export type NewsletterAction = keyof typeof newsletterPolicy;
