import type { Catalog } from "../../i18n/catalog.ts";

/** The publishing module's texts (blog, news, feeds, newsletter). Finnish is the source of keys. */
export const publishingFi = {
  "audit.modules.publishing": "Julkaisut",
} as const;

export type PublishingMessageKey = keyof typeof publishingFi;

export const publishingSv: Catalog<PublishingMessageKey> = {
  "audit.modules.publishing": "Publikationer",
};

export const publishingEn: Catalog<PublishingMessageKey> = {
  "audit.modules.publishing": "Publishing",
};
