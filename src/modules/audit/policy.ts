import { adminOnly, type Policy } from "../../core/policy.ts";

export const auditPolicy = {
  readAuditLog: adminOnly,
} as const satisfies Policy<string>;
