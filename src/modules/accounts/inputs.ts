import { z } from "zod";
import { optionalText, organisationRef, personName } from "../people/inputs.ts";
import { passwordLength } from "./password.ts";
import { locales, roles } from "./schema.ts";

export const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const password = z.string().min(passwordLength.min).max(passwordLength.max);

export const invitationInput = z.object({
  email,
  name: personName,
  role: z.enum(roles),
  title: optionalText(200),
  organisationId: organisationRef,
  locale: z.enum(locales).default("fi"),
});
export type InvitationInput = z.input<typeof invitationInput>;

export const acceptInvitationInput = z.object({
  token: z.string().min(10).max(200),
  password,
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationInput>;
