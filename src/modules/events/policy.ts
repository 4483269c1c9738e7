import { anyone, membersUp, type Policy, staffUp } from "../../core/policy.ts";

export const eventsPolicy = {
  manageEvents: staffUp,
  /** Running a workshop on the big screen. */
  facilitate: staffUp,
  /** Events not marked public are for signed-in people. */
  readPrivateEvents: membersUp,
  readPublicEvents: anyone,
  /** With the event's code (or on a public event). */
  register: anyone,
} as const satisfies Policy<string>;
