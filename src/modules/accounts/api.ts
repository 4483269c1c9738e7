import { createRoute, z } from "@hono/zod-openapi";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../http/openapi.ts";
import { invitationInput } from "./inputs.ts";
import { invitationCreatedSchema, invitationSchema, meSchema, presentInvitation } from "./presenters.ts";

const tags = ["Accounts"];

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
    (c) => c.json(c.get("platform").services.sessions.me(c.get("caller")), 200),
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
      return c.json(rows.map(presentInvitation), 200);
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
        201: jsonResponse(invitationCreatedSchema, "The invitation was created and e-mailed"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "CONFLICT"),
      },
    }),
    async (c) => {
      const { id } = await c.get("platform").services.invitations.invite(c.get("caller"), c.req.valid("json"));
      return c.json({ id }, 201);
    },
  );
}
