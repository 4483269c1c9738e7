import { useRouteLoaderData } from "react-router";
import type { Actor } from "../../src/core/caller.ts";
import { formatDate, formatDateTime, formatNumber, formatTime } from "../../src/i18n/format.ts";
import { interpolate, type MessageParams } from "../../src/i18n/interpolate.ts";
import { defaultLocale, type Locale } from "../../src/i18n/locale.ts";
import type { Catalog, MessageKey } from "../../src/i18n/translate.ts";
import type { NavigationLink } from "../../src/modules/navigation.ts";

export interface RootData {
  locale: Locale;
  catalog: Catalog;
  actor: Pick<Actor, "name" | "role"> | null;
  navigation: NavigationLink[];
}

export type T = (key: MessageKey, params?: MessageParams) => string;

/** The page's language, its messages and formatters, from the root loader. */
export function useI18n() {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const locale = data?.locale ?? defaultLocale;
  const t: T = (key, params) => interpolate(locale, data?.catalog[key] ?? key, params);
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
