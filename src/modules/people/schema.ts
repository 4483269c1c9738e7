import { pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { type OrganisationKind, organisationKinds } from "./constants.ts";

export { type OrganisationKind, organisationKinds };

export const organisationKind = pgEnum("organisation_kind", organisationKinds);

/** A home organisation (kantaorganisaatio) people belong to. */
export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull().unique(),
  kind: organisationKind("kind").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
