import { adminOnly, type Policy } from "../../core/policy.ts";

export const archivePolicy = {
  /** Start an export of the whole workspace: it holds every record, so only an admin. */
  startExport: adminOnly,
  /** See the exports and their progress, and download a finished one: admins, and auditors who check the records. */
  readExports: ["admin", "auditor"],
} as const satisfies Policy<string>;
