import { z } from "zod";
import { locales, roles } from "../accounts/schema.ts";
import { organisationKinds } from "./schema.ts";

const name = z.string().trim().min(1).max(200);
/** An empty form field means "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();
const optionalId = z
  .union([z.uuid(), z.literal("")])
  .transform((v) => (v === "" ? null : v))
  .nullable()
  .optional();

export const organisationInput = z.object({
  name,
  kind: z.enum(organisationKinds),
});
export type OrganisationInput = z.input<typeof organisationInput>;

export const personUpdateInput = z.object({
  name: name.optional(),
  role: z.enum(roles).optional(),
  title: optionalText(200),
  organisationId: optionalId,
  locale: z.enum(locales).optional(),
});
export type PersonUpdateInput = z.input<typeof personUpdateInput>;

export const profileInput = personUpdateInput.pick({ name: true, title: true, locale: true });
export type ProfileInput = z.input<typeof profileInput>;

export { name as personName, optionalId as organisationRef, optionalText };
