import type { Actor } from "../../core/caller.ts";
import { adminOnly, allows, membersUp, type Policy } from "../../core/policy.ts";

/** Who may do what with organisations and people; the service asks this for every call. */
export const peoplePolicy = {
  listOrganisations: membersUp,
  /** Creating, renaming and opening an organisation for editing. */
  manageOrganisations: adminOnly,
  /** The people list, its count, and the person pickers of other modules' forms. */
  listPeople: membersUp,
  /** Another person's name, role, title, organisation and language. */
  managePeople: adminOnly,
  /** One's own profile (name, title, language; never one's role). */
  updateOwnProfile: membersUp,
} as const satisfies Policy<string>;

export type PeopleAction = keyof typeof peoplePolicy;

/** For pages deciding what to show (an edit link, a form); the service enforces the same entries. */
export const canManageOrganisations = (actor: Actor | null) => allows(peoplePolicy.manageOrganisations, actor);
export const canListPeople = (actor: Actor | null) => allows(peoplePolicy.listPeople, actor);
export const canManagePeople = (actor: Actor | null) => allows(peoplePolicy.managePeople, actor);
