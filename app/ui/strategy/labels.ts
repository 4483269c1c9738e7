import type { Locale } from "../../../src/i18n/locale.ts";
import { intlTag } from "../../../src/i18n/locale.ts";
import type { IndicatorStatus } from "../../../src/modules/strategy/constants.ts";

/**
 * An exact decimal string ("1234.5") written in the language's way ("1 234,5"), digit for digit: no float in
 * between, so what the table says is what was entered.
 */
export function decimalText(locale: Locale, value: string): string {
  const negative = value.startsWith("-");
  const [whole = "0", fraction] = value.replace(/^-/, "").split(".");
  const parts = new Intl.NumberFormat(intlTag[locale]).formatToParts(1234.5);
  const group = parts.find((p) => p.type === "group")?.value ?? " ";
  const decimal = parts.find((p) => p.type === "decimal")?.value ?? ",";
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return `${negative ? "−" : ""}${grouped}${fraction ? `${decimal}${fraction}` : ""}`;
}

/** A symbol beside each status's words, so the status never rests on colour (the words are what counts). */
export const statusSymbol: Record<IndicatorStatus, string> = {
  on_track: "✓",
  behind: "!",
  off_track: "✕",
  no_data: "–",
};
