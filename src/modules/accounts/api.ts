import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../http/openapi.ts";
import { invitationInput } from "./inputs.ts";
import { locales, roles } from "./schema.ts";

const tags = ["Accounts"];

const meSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    role: z.enum(roles),
    locale: z.enum(locales),
  })
  .openapi("Me");

const invitationSchema = z
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

export function registerAccountsApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/me",
      tags,
      summary: "The signed-in person",
      description:
        "Sign in with POST /api/auth/sign-in/email {email, password}; the session is an HttpOnly cookie. Sign out with POST /api/auth/sign-out.",
      responses: { 200: jsonResponse(meSchema, "The signed-in person"), ...errorResponses("UNAUTHENTICATED") },
    }),
    (c) => {
      const { actor, locale } = c.get("caller");
      if (!actor) throw new AppError("UNAUTHENTICATED");
      return c.json({ id: actor.id, name: actor.name, email: actor.email, role: actor.role, locale }, 200);
    },
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/invitations",
      tags,
      summary: "Pending invitations (admin)",
      responses: {
        200: jsonResponse(z.array(invitationSchema), "Open invitations, oldest first"),
        ...errorResponses("UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => {
      const rows = await c.get("platform").services.invitations.listPending(c.get("caller"));
      return c.json(
        rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), expiresAt: r.expiresAt.toISOString() })),
        200,
      );
    },
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/invitations",
      tags,
      summary: "Invite a person by e-mail (admin)",
      request: { body: jsonBody(invitationInput) },
      responses: {
        201: jsonResponse(z.object({ id: z.uuid() }), "The invitation was created and e-mailed"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT"),
      },
    }),
    async (c) => {
      const { id } = await c.get("platform").services.invitations.invite(c.get("caller"), c.req.valid("json"));
      return c.json({ id }, 201);
    },
  );
}
