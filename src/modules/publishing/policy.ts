import type { Actor } from "../../core/caller.ts";
import { allows, anyone, type Policy, staffUp } from "../../core/policy.ts";

/**
 * Who may do what with posts. Everyone reads published posts (the feeds and the front page are public); staff
 * write, schedule and correct them and see drafts; an auditor reads drafts and history and changes nothing; the
 * office's contact details are set by admins.
 */
export const publishingPolicy = {
  readPublished: anyone,
  readDrafts: ["admin", "staff", "auditor"],
  writePosts: staffUp,
  manageOffice: ["admin"],
} as const satisfies Policy<string>;

export type PublishingAction = keyof typeof publishingPolicy;

export const canWritePosts = (actor: Actor | null): boolean => allows(publishingPolicy.writePosts, actor);
export const canReadDrafts = (actor: Actor | null): boolean => allows(publishingPolicy.readDrafts, actor);
export const canManageOffice = (actor: Actor | null): boolean => allows(publishingPolicy.manageOffice, actor);
