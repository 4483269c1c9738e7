// Plain values shared by the schema, the services and the browser bundle (no database imports here).

/** A text in each language, e.g. a template section's title. */
export type Localised = Record<"fi" | "sv" | "en", string>;

/** The text in the language asked for, or in Finnish when that one is empty. */
export const inLocale = (text: Localised, locale: keyof Localised): string => text[locale].trim() || text.fi;
