import { defineAuditActions } from "../../core/write.ts";

/** The archive's audited actions (module "archive"): an export started, a ZIP downloaded, an archive imported. */
export const archiveAuditActions = ["export.start", "export.download", "import"] as const;
export type ArchiveAuditAction = (typeof archiveAuditActions)[number];
export const archiveAudit = defineAuditActions("archive", archiveAuditActions);
