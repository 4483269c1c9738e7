import type { Catalog } from "../../i18n/catalog.ts";

/** The newsletter module's texts (subscribers, issues, sending). Finnish is the source of keys. */
export const newsletterFi = {
  "audit.modules.newsletter": "Uutiskirje",
} as const;

export type NewsletterMessageKey = keyof typeof newsletterFi;

export const newsletterSv: Catalog<NewsletterMessageKey> = {
  "audit.modules.newsletter": "Nyhetsbrev",
};

export const newsletterEn: Catalog<NewsletterMessageKey> = {
  "audit.modules.newsletter": "Newsletter",
};
