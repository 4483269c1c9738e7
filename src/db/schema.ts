// The one schema both drivers (PGlite and node-postgres) use; migrations in drizzle/ are generated from it.

export * from "../core/rate-limit-schema.ts";
export * from "../modules/accounts/schema.ts";
export * from "../modules/audit/schema.ts";
export * from "../modules/deliverables/schema.ts";
export * from "../modules/events/schema.ts";
export * from "../modules/files/schema.ts";
export * from "../modules/groups/schema.ts";
export * from "../modules/people/schema.ts";
export * from "../modules/programme/schema.ts";
export * from "../modules/templates/schema.ts";
export * from "../modules/walls/schema.ts";
