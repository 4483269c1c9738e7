import { defineAuditActions } from "../../core/write.ts";

/** Every action the people module records in the audit log (module "people"). */
export const peopleAuditActions = [
  "organisation.create",
  "organisation.update",
  "person.update",
  "profile.update",
] as const;
export type PeopleAuditAction = (typeof peopleAuditActions)[number];
export const peopleAudit = defineAuditActions("people", peopleAuditActions);
