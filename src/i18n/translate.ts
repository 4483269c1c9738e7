import { type KitMessageKey, kitEn, kitFi, kitSv } from "../../app/ui/kit/messages.ts";
import { type EventsMessageKey, eventsEn, eventsFi, eventsSv } from "../modules/events/messages.ts";
import { type GroupsMessageKey, groupsEn, groupsFi, groupsSv } from "../modules/groups/messages.ts";
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
  | WallsMessageKey
  | OutputsMessageKey
  | EventsMessageKey
  | GroupsMessageKey
  | KitMessageKey;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type Catalog = KeyedCatalog<MessageKey>;

export const catalogs: Record<Locale, Catalog> = {
  fi: { ...fi, ...wallsFi, ...outputsFi, ...eventsFi, ...groupsFi, ...kitFi },
  sv: { ...sv, ...wallsSv, ...outputsSv, ...eventsSv, ...groupsSv, ...kitSv },
  en: { ...en, ...wallsEn, ...outputsEn, ...eventsEn, ...groupsEn, ...kitEn },
};

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(locale, catalogs[locale][key], params);
}
