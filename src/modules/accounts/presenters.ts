import { z } from "@hono/zod-openapi";
import type { Actor } from "../../core/caller.ts";
import { locales, roles } from "./constants.ts";
import type { PendingInvitation } from "./invitations.ts";

/** The signed-in person, as GET /api/me gives them. */
export const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    locale: z.enum(locales),
  })
  .openapi("Me");

export const presentMe = (actor: Actor, locale: z.infer<typeof meSchema>["locale"]): z.infer<typeof meSchema> => ({
  id: actor.id,
  name: actor.name,
  email: actor.email,
  role: actor.role,
  locale,
});

/** An invitation not yet accepted, for admins: never its token (only a hash of it is kept anyway). */
export const invitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(roles),
    organisationName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .openapi("Invitation");

export const presentInvitation = (i: PendingInvitation): z.infer<typeof invitationSchema> => ({
  id: i.id,
  email: i.email,
  name: i.name,
  role: i.role,
  organisationName: i.organisationName,
  createdAt: i.createdAt.toISOString(),
  expiresAt: i.expiresAt.toISOString(),
});

/** What POST /api/invitations answers: the new invitation's id (the link went by e-mail). */
export const invitationCreatedSchema = z.object({ id: z.uuid() }).openapi("InvitationCreated");

/** What the invitation page shows before the invitee sets a password. */
export const invitationPreviewSchema = z
  .object({ name: z.string(), email: z.string(), inviterName: z.string() })
  .openapi("InvitationPreview");
