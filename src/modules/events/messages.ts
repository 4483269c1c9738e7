import type { Catalog } from "../../i18n/catalog.ts";

/** The events module's texts. Finnish is the source of keys; the other languages must match it. */
export const eventsFi = {
  "events.endBeforeStart": "Päättymisajan pitää olla alkamisajan jälkeen.",
  "events.emailRequired": "Tähän tilaisuuteen ilmoittaudutaan sähköpostiosoitteella.",
} as const;

export type EventsMessageKey = keyof typeof eventsFi;

export const eventsSv: Catalog<EventsMessageKey> = {
  "events.endBeforeStart": "Sluttiden ska vara efter starttiden.",
  "events.emailRequired": "Till det här evenemanget anmäler man sig med e-postadress.",
};

export const eventsEn: Catalog<EventsMessageKey> = {
  "events.endBeforeStart": "The end time must be after the start time.",
  "events.emailRequired": "This event asks for an e-mail address when you register.",
};
