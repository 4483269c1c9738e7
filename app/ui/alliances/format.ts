import { formatMoney, money } from "../../../src/core/money.ts";
import type { Locale } from "../../../src/i18n/locale.ts";

/** An amount from a presenter (`{ cents, currency }`) as people read it in the language. */
export const amountText = (locale: Locale, a: { cents: number; currency: string }) =>
  formatMoney(money(BigInt(a.cents), a.currency as never), locale);

/** Basis points as a percentage: 2500 → "25 %". */
export const shareText = (locale: Locale, basisPoints: number) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(basisPoints / 100)}${locale === "en" ? "%" : "\u00a0%"}`;
