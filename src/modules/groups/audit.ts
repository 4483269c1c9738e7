import { defineAuditActions } from "../../core/write.ts";

/** Every write of the groups module records one of these (module "groups"). */
export const groupAuditActions = ["group.create", "group.update", "member.set", "member.remove"] as const;
export const groupsAudit = defineAuditActions("groups", groupAuditActions);
