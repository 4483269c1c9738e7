// Plain values shared by the schema, the services and the browser bundle (no database imports here).
/** "auditor": reads the contract register (commitments) and changes nothing; elsewhere no more than a visitor with an account. */
export const roles = ["admin", "staff", "member", "auditor"] as const;
export type Role = (typeof roles)[number];

export const locales = ["fi", "sv", "en"] as const;
export type Locale = (typeof locales)[number];
