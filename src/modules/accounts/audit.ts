import { defineAuditActions } from "../../core/write.ts";

/** Every action the accounts module records in the audit log (module "accounts"). */
export const accountsAuditActions = ["invitation.create", "invitation.accept", "password.reset"] as const;
export type AccountsAuditAction = (typeof accountsAuditActions)[number];
export const accountsAudit = defineAuditActions("accounts", accountsAuditActions);
