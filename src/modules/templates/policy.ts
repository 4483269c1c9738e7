import { adminOnly, membersUp, type Policy } from "../../core/policy.ts";

export const templatesPolicy = {
  /** Choosing a template for a new deliverable. */
  readTemplates: membersUp,
  manageTemplates: adminOnly,
} as const satisfies Policy<string>;
