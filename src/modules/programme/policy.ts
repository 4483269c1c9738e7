import { membersUp, type Policy, staffUp } from "../../core/policy.ts";

export const programmePolicy = {
  readTimeline: membersUp,
  manageTimeline: staffUp,
} as const satisfies Policy<string>;
