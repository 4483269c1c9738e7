import { type KitMessageKey, kitEn, kitFi, kitSv } from "../../app/ui/kit/messages.ts";
import { type PrimitivesMessageKey, primitivesEn, primitivesFi, primitivesSv } from "../core/messages.ts";
import type { ModuleDeclaration } from "../modules/module.ts";
import { type ModuleMessageKey, modules } from "../modules/registry.ts";
import type { Catalog as KeyedCatalog } from "./catalog.ts";
import { interpolate, type MessageParams } from "./interpolate.ts";
import type { Locale } from "./locale.ts";
import { en } from "./messages/en.ts";
import { type CoreMessageKey, fi } from "./messages/fi.ts";
import { sv } from "./messages/sv.ts";

export type { MessageParams };
/** Every translatable text's key: the shell's, the UI kit's, the primitives' and each registered module's. */
export type MessageKey = CoreMessageKey | PrimitivesMessageKey | KitMessageKey | ModuleMessageKey;
export type Translate = (key: MessageKey, params?: MessageParams) => string;
export type Catalog = KeyedCatalog<MessageKey>;

const catalogOf = (locale: Locale, own: Record<string, string>): Catalog => {
  const shared = {
    fi: { ...kitFi, ...primitivesFi },
    sv: { ...kitSv, ...primitivesSv },
    en: { ...kitEn, ...primitivesEn },
  };
  const merged: Record<string, string> = { ...own, ...shared[locale] };
  for (const module of modules as readonly ModuleDeclaration[]) {
    for (const [key, text] of Object.entries(module.messages?.[locale] ?? {})) {
      // Keys are prefixed by module; two modules claiming one key is a mistake caught at start, not a silent override.
      if (Object.hasOwn(merged, key)) throw new Error(`message key "${key}" of module ${module.name} is taken`);
      merged[key] = text;
    }
  }
  return merged as Catalog;
};

export const catalogs: Record<Locale, Catalog> = {
  fi: catalogOf("fi", fi),
  sv: catalogOf("sv", sv),
  en: catalogOf("en", en),
};

/** Whether a text is one of the catalog's keys (Zod issues from shared schemas carry a key as their message). */
export const isMessageKey = (text: string): text is MessageKey => Object.hasOwn(catalogs.fi, text);

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return interpolate(locale, catalogs[locale][key], params);
}
