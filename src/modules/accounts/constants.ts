// Plain values shared by the schema, the services and the browser bundle (no database imports here).
export const roles = ["admin", "staff", "member"] as const;
export type Role = (typeof roles)[number];

export const locales = ["fi", "sv", "en"] as const;
export type Locale = (typeof locales)[number];
