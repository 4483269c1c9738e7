import type { Actor } from "../../core/caller.ts";
import { allows, anyone, authorize, membersUp, type Policy, staffUp } from "../../core/policy.ts";

/**
 * Who may do what with events. The service asks these, never a role of its own:
 * the role table below, and the functions after it for the rules that also
 * depend on the event (is it public, was the code right).
 */
export const eventsPolicy = {
  /** Creating and changing events, their agendas, workshops, summaries and series. */
  manageEvents: staffUp,
  /** Running a workshop on the big screen: start, next, previous, stop. */
  facilitate: staffUp,
  /** Events not marked public are for signed-in people. */
  readPrivateEvents: membersUp,
  readPublicEvents: anyone,
  /** Registering: on a public event, or with the event's code (canRegister). */
  register: anyone,
  /** Letting a browser into the event's walls with the event's code alone. */
  joinWithCode: anyone,
  /** Series and their pages (each lists only the events its reader may see). */
  readSeries: anyone,
} as const satisfies Policy<string>;

export type EventsAction = keyof typeof eventsPolicy;

/** May this person see this event: public ones anyone, the others signed-in people. */
export function canReadEvent(actor: Actor | null, event: { isPublic: boolean }): boolean {
  return allows(event.isPublic ? eventsPolicy.readPublicEvents : eventsPolicy.readPrivateEvents, actor);
}

/** UNAUTHENTICATED for a visitor at a private event (signing in helps), FORBIDDEN otherwise. */
export function authorizeReadEvent(actor: Actor | null, event: { isPublic: boolean }): void {
  authorize(eventsPolicy, event.isPublic ? "readPublicEvents" : "readPrivateEvents", actor);
}

/** Lists show this person every event, or only the public ones. */
export const seesPrivateEvents = (actor: Actor | null): boolean => allows(eventsPolicy.readPrivateEvents, actor);

export const canManageEvents = (actor: Actor | null): boolean => allows(eventsPolicy.manageEvents, actor);
export const canFacilitate = (actor: Actor | null): boolean => allows(eventsPolicy.facilitate, actor);

/**
 * May this browser register: anyone on a public event; on the others only with
 * the event's code. The code needs no account, so a participant registers
 * without one.
 */
export function canRegister(actor: Actor | null, event: { isPublic: boolean }, rightCode: boolean): boolean {
  return allows(eventsPolicy.register, actor) && (event.isPublic || rightCode);
}

/** May this browser join the event's walls: with the right code, account or not. */
export function canJoinWithCode(actor: Actor | null, rightCode: boolean): boolean {
  return allows(eventsPolicy.joinWithCode, actor) && rightCode;
}

/** Throws the policy's refusal for a role-only action. */
export function authorizeEvents(action: EventsAction, actor: Actor | null): void {
  authorize(eventsPolicy, action, actor);
}
