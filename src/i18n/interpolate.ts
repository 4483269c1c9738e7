import { intlTag, type Locale } from "./locale.ts";

export type MessageParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders; `{count, plural, one {...} other {...}}` picks the
 * form by the locale's plural rules and puts the formatted number in place of `#`.
 * Pure, so the browser bundle carries only its own language's catalog.
 */
export function interpolate(locale: Locale, template: string, params: MessageParams = {}): string {
  return template
    .replace(/\{(\w+), plural, ((?:\w+ \{[^}]*\} ?)+)\}/g, (_, name: string, forms: string) => {
      const n = Number(params[name] ?? 0);
      const options = Object.fromEntries([...forms.matchAll(/(\w+) \{([^}]*)\}/g)].map((m) => [m[1], m[2]]));
      const chosen = options[new Intl.PluralRules(intlTag[locale]).select(n)] ?? options.other ?? "";
      return chosen.replace("#", new Intl.NumberFormat(intlTag[locale]).format(n));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
