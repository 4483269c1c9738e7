import { type KitMessageKey, kitEn, kitFi, kitSv } from "../../app/ui/kit/messages.ts";
import { type PrimitivesMessageKey, primitivesEn, primitivesFi, primitivesSv } from "../core/messages.ts";
import {
  type DeliverablesMessageKey,
  deliverablesEn,
  deliverablesFi,
  deliverablesSv,
} from "../modules/deliverables/messages.ts";
import { type EventsMessageKey, eventsEn, eventsFi, eventsSv } from "../modules/events/messages.ts";
import { type GroupsMessageKey, groupsEn, groupsFi, groupsSv } from "../modules/groups/messages.ts";
import { type ProgrammeMessageKey, programmeEn, programmeFi, programmeSv } from "../modules/programme/messages.ts";
import { type TemplatesMessageKey, templatesEn, templatesFi, templatesSv } from "../modules/templates/messages.ts";
import { type WallsMessageKey, wallsEn, wallsFi, wallsSv } from "../modules/walls/messages.ts";
import { type OutputsMessageKey, outputsEn, outputsFi, outputsSv } from "../modules/walls/outputs/messages.ts";
import type { Catalog as KeyedCatalog } from "./catalog.ts";
import { interpolate, type MessageParams } from "./interpolate.ts";
import type { Locale } from "./locale.ts";
import { en } from "./messages/en.ts";
import { type CoreMessageKey, fi } from "./messages/fi.ts";
import { sv } from "./messages/sv.ts";

export type { MessageParams };
/** Every translatable text's key: the shell's and each module's. */
export type MessageKey =
  | CoreMessageKey
  | PrimitivesMessageKey
  | WallsMessageKey
  | OutputsMessageKey
  | EventsMessageKey
  | GroupsMessageKey
  | DeliverablesMessageKey
  | TemplatesMessageKey
  | ProgrammeMessageKey
  | KitMessageKey;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type Catalog = KeyedCatalog<MessageKey>;

export const catalogs: Record<Locale, Catalog> = {
  fi: {
    ...fi,
    ...wallsFi,
    ...outputsFi,
    ...eventsFi,
    ...groupsFi,
    ...deliverablesFi,
    ...templatesFi,
    ...programmeFi,
    ...kitFi,
    ...primitivesFi,
  },
  sv: {
    ...sv,
    ...wallsSv,
    ...outputsSv,
    ...eventsSv,
    ...groupsSv,
    ...deliverablesSv,
    ...templatesSv,
    ...programmeSv,
    ...kitSv,
    ...primitivesSv,
  },
  en: {
    ...en,
    ...wallsEn,
    ...outputsEn,
    ...eventsEn,
    ...groupsEn,
    ...deliverablesEn,
    ...templatesEn,
    ...programmeEn,
    ...kitEn,
    ...primitivesEn,
  },
};

/** Whether a text is one of the catalog's keys (Zod issues from shared schemas carry a key as their message). */
export const isMessageKey = (text: string): text is MessageKey => Object.hasOwn(catalogs.fi, text);

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(locale, catalogs[locale][key], params);
}
