import { adminOnly, membersUp, type Policy } from "../../core/policy.ts";

export const peoplePolicy = {
  listOrganisations: membersUp,
  manageOrganisations: adminOnly,
  listPeople: membersUp,
  managePeople: adminOnly,
  updateOwnProfile: membersUp,
} as const satisfies Policy<string>;

export type PeopleAction = keyof typeof peoplePolicy;
