import { type Locale, locales } from "../modules/accounts/constants.ts";

export { type Locale, locales };
export const defaultLocale: Locale = "fi";
export const localeCookie = "uudistamo_lang";

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (locales as readonly string[]).includes(value);

/** BCP 47 tags for Intl: Finnish and Swedish as used in Finland. */
export const intlTag: Record<Locale, string> = { fi: "fi-FI", sv: "sv-FI", en: "en-GB" };

/** The language's name in itself, for the language menu. */
export const localeName: Record<Locale, string> = { fi: "Suomeksi", sv: "På svenska", en: "In English" };

/**
 * The visitor's language: an explicit choice (cookie) wins, then the browser's
 * Accept-Language, then Finnish.
 */
export function pickLocale(cookieValue: string | undefined, acceptLanguage: string | undefined): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  for (const part of (acceptLanguage ?? "").split(",")) {
    const base = part.trim().split(";")[0]?.split("-")[0]?.toLowerCase();
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}
