import { createHash } from "node:crypto";
import { type Locale, locales } from "./locale.ts";
import { catalogs } from "./translate.ts";

/**
 * Each language's whole catalog as one JSON file at a URL that names its content (`/i18n/fi.<hash>.json`), so a
 * browser downloads it once and keeps it (Cache-Control immutable) instead of every page carrying it inline. The
 * texts of all modules are about 120 KB a language and grow with each module; inline they were 40 % of a wall's
 * first page. The server renders with the catalogs in memory; the browser only needs the file to hydrate.
 */
export interface CatalogFile {
  locale: Locale;
  href: string;
  json: string;
}

const files = new Map<Locale, CatalogFile>(
  locales.map((locale) => {
    const json = JSON.stringify(catalogs[locale]);
    const hash = createHash("sha256").update(json).digest("hex").slice(0, 16);
    return [locale, { locale, href: `/i18n/${locale}.${hash}.json`, json }];
  }),
);

export function catalogFile(locale: Locale): CatalogFile {
  const file = files.get(locale);
  if (!file) throw new Error(`no catalog for ${locale}`);
  return file;
}

/** The file a `/i18n/<name>` request asks for: the current one if the name is, else null (an older deploy's hash). */
export function catalogFileByName(name: string): { file: CatalogFile; current: boolean } | null {
  const match = /^(\w{2})\.([0-9a-f]{16})\.json$/.exec(name);
  if (!match) return null;
  const file = [...files.values()].find((f) => f.locale === match[1]);
  if (!file) return null;
  return { file, current: file.href === `/i18n/${name}` };
}
