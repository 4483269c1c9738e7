import { intlTag, type Locale } from "./locale.ts";

// Finland's time zone: seminars happen in Finnish time wherever the server runs.
const timeZone = "Europe/Helsinki";

export function formatDate(locale: Locale, date: Date | string): string {
  return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: "long", timeZone }).format(new Date(date));
}

export function formatDateTime(locale: Locale, date: Date | string): string {
  return new Intl.DateTimeFormat(intlTag[locale], { dateStyle: "medium", timeStyle: "short", timeZone }).format(
    new Date(date),
  );
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlTag[locale], options).format(value);
}

export function formatTime(locale: Locale, date: Date | string): string {
  return new Intl.DateTimeFormat(intlTag[locale], { timeStyle: "short", timeZone }).format(new Date(date));
}
