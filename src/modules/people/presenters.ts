import { z } from "@hono/zod-openapi";
import { locales, roles } from "../accounts/schema.ts";
import { organisationKinds } from "./schema.ts";
import type { Organisation, OrganisationWithCount, Person } from "./service.ts";

export const organisationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(organisationKinds),
    memberCount: z.number().int().optional(),
    createdAt: z.iso.datetime(),
  })
  .openapi("Organisation");

export const personSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    title: z.string().nullable(),
    organisationId: z.uuid().nullable(),
    organisationName: z.string().nullable(),
    locale: z.enum(locales),
  })
  .openapi("Person");

/** A person to pick in a form (a group's member, the audit log's filter): no address, role or language. */
export const personChoiceSchema = z
  .object({ id: z.string(), name: z.string(), organisationName: z.string().nullable() })
  .openapi("PersonChoice");

export const presentPersonChoice = (p: Person): z.infer<typeof personChoiceSchema> => ({
  id: p.id,
  name: p.name,
  organisationName: p.organisationName,
});

export const presentOrganisation = (o: Organisation | OrganisationWithCount): z.infer<typeof organisationSchema> => ({
  id: o.id,
  name: o.name,
  kind: o.kind,
  ...("memberCount" in o ? { memberCount: o.memberCount } : {}),
  createdAt: o.createdAt.toISOString(),
});

export const presentPerson = (p: Person): z.infer<typeof personSchema> => ({
  id: p.id,
  name: p.name,
  email: p.email,
  role: p.role,
  title: p.title,
  organisationId: p.organisationId,
  organisationName: p.organisationName,
  locale: p.locale,
});
