import type { Catalog } from "../../i18n/catalog.ts";

/** The archive module's texts: its name in the audit log. */
export const archiveFi = {
  "audit.modules.archive": "Arkistointi",
} as const;

export type ArchiveMessageKey = keyof typeof archiveFi;

export const archiveSv: Catalog<ArchiveMessageKey> = {
  "audit.modules.archive": "Arkivering",
};

export const archiveEn: Catalog<ArchiveMessageKey> = {
  "audit.modules.archive": "Archive",
};
