import { createContext, useContext, useEffect } from "react";
import { useRouteLoaderData } from "react-router";
import type { Actor } from "../../src/core/caller.ts";
import { formatDate, formatDateTime, formatNumber, formatTime } from "../../src/i18n/format.ts";
import { interpolate, type MessageParams } from "../../src/i18n/interpolate.ts";
import { defaultLocale, type Locale } from "../../src/i18n/locale.ts";
import type { Catalog, MessageKey } from "../../src/i18n/translate.ts";
import type { NavigationLink } from "../../src/modules/navigation.ts";

export interface RootData {
  locale: Locale;
  /** Where the browser gets this language's texts (src/i18n/catalog-files.ts); the page does not carry them. */
  catalogHref: string;
  actor: Pick<Actor, "name" | "role"> | null;
  navigation: NavigationLink[];
}

export type T = (key: MessageKey, params?: MessageParams) => string;

/**
 * The catalogs this render has: on the server all of them (entry.server.tsx), in the browser the page's language,
 * fetched before hydrating (entry.client.tsx), and `load` for another one if the language changes without a reload.
 */
export interface CatalogSource {
  catalogs: Partial<Record<Locale, Catalog>>;
  load?: (locale: Locale, href: string) => void;
}
export const CatalogContext = createContext<CatalogSource>({ catalogs: {} });

/** The page's language (from the root loader), its messages and formatters. */
export function useI18n() {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const locale = data?.locale ?? defaultLocale;
  const source = useContext(CatalogContext);
  const catalog = source.catalogs[locale];
  const href = data?.catalogHref;
  useEffect(() => {
    if (!catalog && href) source.load?.(locale, href);
  }, [catalog, href, locale, source]);
  const t: T = (key, params) => interpolate(locale, catalog?.[key] ?? key, params);
  return {
    locale,
    t,
    date: (d: Date | string) => formatDate(locale, d),
    dateTime: (d: Date | string) => formatDateTime(locale, d),
    time: (d: Date | string) => formatTime(locale, d),
    number: (n: number) => formatNumber(locale, n),
  };
}

export function useActor(): RootData["actor"] {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return data?.actor ?? null;
}

/** The site navigation for this person (from the root loader). */
export function useSiteNavigation(): NavigationLink[] {
  const data = useRouteLoaderData("root") as RootData | undefined;
  return data?.navigation ?? [];
}
