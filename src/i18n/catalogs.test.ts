import { describe, expect, it } from "vitest";
import { interpolate } from "./interpolate.ts";
import { pickLocale } from "./locale.ts";
import { catalogs, translate } from "./translate.ts";

// A placeholder is {name} or the head of {name, plural, ...}; the braces around plural forms hold text.
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)(?:\}|, plural,)/g)].map((m) => m[1]).sort();

describe("message catalogs", () => {
  const finnishKeys = Object.keys(catalogs.fi).sort();

  it.each(["sv", "en"] as const)("%s has every Finnish key and no others", (locale) => {
    expect(Object.keys(catalogs[locale]).sort()).toEqual(finnishKeys);
  });

  it.each(["fi", "sv", "en"] as const)("%s has no empty message", (locale) => {
    const empty = Object.entries(catalogs[locale]).filter(([, text]) => text.trim() === "");
    expect(empty).toEqual([]);
  });

  it.each(["sv", "en"] as const)("%s uses the same placeholders as Finnish in every message", (locale) => {
    const mismatched = finnishKeys.filter(
      (key) =>
        JSON.stringify(placeholders(catalogs.fi[key as keyof typeof catalogs.fi])) !==
        JSON.stringify(placeholders(catalogs[locale][key as keyof typeof catalogs.fi])),
    );
    expect(mismatched).toEqual([]);
  });

  it("picks plural forms and formats numbers per language", () => {
    expect(translate("fi", "people.count", { count: 1 })).toBe("1 henkilö");
    expect(translate("fi", "people.count", { count: 1200 })).toBe("1\u00a0200 henkilöä");
    expect(translate("en", "people.count", { count: 2 })).toMatch(/^2 /);
    expect(interpolate("en", "{n} of {m}", { n: 1 })).toBe("1 of {m}");
  });
});

describe("language choice", () => {
  it("prefers the remembered choice, then the browser's language, then Finnish", () => {
    expect(pickLocale("sv", "en-GB,en")).toBe("sv");
    expect(pickLocale(undefined, "en-GB,en;q=0.9")).toBe("en");
    expect(pickLocale(undefined, "sv-FI")).toBe("sv");
    expect(pickLocale("de", "de-DE")).toBe("fi");
    expect(pickLocale(undefined, undefined)).toBe("fi");
  });
});
