import { formatPlainDate } from "../../../src/core/dates.ts";
import { type CurrencyCode, formatMoney, money } from "../../../src/core/money.ts";
import type { Locale } from "../../../src/i18n/locale.ts";

/** A calendar day "YYYY-MM-DD" as the language writes it short (31.12.2019), or a dash. */
export const day = (locale: Locale, value: string | null | undefined) =>
  value ? formatPlainDate(locale, value, "short") : "–";

/** Whole cents as money in the language (12 500,00 €). */
export const euros = (locale: Locale, cents: number, currency = "EUR") =>
  formatMoney(money(cents, currency as CurrencyCode), locale);

/** An exact decimal string "26.20" as the language writes it ("26,20" in Finnish and Swedish). */
export const decimal = (locale: Locale, value: string) => (locale === "en" ? value : value.replace(".", ","));

/** Whole cents as a plain amount for a form's text field ("12500,00"; parseMoney reads it back exactly). */
export const decimalCents = (locale: Locale, cents: number) => {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
  return locale === "en" ? text : text.replace(".", ",");
};
