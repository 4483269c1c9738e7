import { type ReactNode, useCallback, useMemo, useRef, useState } from "react";
import type { Locale } from "../../src/i18n/locale.ts";
import type { Catalog } from "../../src/i18n/translate.ts";
import { CatalogContext } from "./i18n.ts";

/** Fetches a catalog file (src/i18n/catalog-files.ts); the preload link in the page's head has usually done it. */
export async function fetchCatalog(href: string): Promise<Catalog> {
  const response = await fetch(href);
  if (!response.ok) throw new Error(`${href}: ${response.status}`);
  return (await response.json()) as Catalog;
}

/** The browser's catalogs: the page's language to start with, another one fetched when the language changes. */
export function ClientCatalogs({
  initial,
  children,
}: {
  initial: Partial<Record<Locale, Catalog>>;
  children: ReactNode;
}) {
  const [catalogs, setCatalogs] = useState(initial);
  const loading = useRef(new Set<Locale>());
  const load = useCallback((locale: Locale, href: string) => {
    if (loading.current.has(locale)) return;
    loading.current.add(locale);
    fetchCatalog(href)
      .then((catalog) => setCatalogs((current) => ({ ...current, [locale]: catalog })))
      // Without it the page keeps working with the keys shown; a reload fetches it again.
      .catch(() => loading.current.delete(locale));
  }, []);
  const value = useMemo(() => ({ catalogs, load }), [catalogs, load]);
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}
