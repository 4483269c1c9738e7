import { interpolate, type MessageParams } from "./interpolate.ts";
import type { Locale } from "./locale.ts";
import { en } from "./messages/en.ts";
import { fi, type MessageKey } from "./messages/fi.ts";
import { sv } from "./messages/sv.ts";

export type { MessageKey, MessageParams };
export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type Catalog = Record<MessageKey, string>;

export const catalogs: Record<Locale, Catalog> = { fi, sv, en };

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(locale, catalogs[locale][key], params);
}
