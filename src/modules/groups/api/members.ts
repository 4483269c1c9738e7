import { createRoute, z } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { groupRoles } from "../constants.ts";
import { memberSchema, presentMember } from "../presenters.ts";

const tags = ["Working groups"];
const memberParam = idParam.extend({
  userId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: "userId", in: "path" } }),
});

/** A group's members and their roles. */
export function registerMemberRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "put",
      path: "/groups/{id}/members/{userId}",
      tags,
      summary: "Add a person to the group or change their role",
      description:
        "The convener's, chair's and secretary's roles are one person's at a time: giving one makes its previous holder a member.",
      request: { params: memberParam, body: jsonBody(z.object({ role: z.enum(groupRoles).default("member") })) },
      responses: {
        200: jsonResponse(z.array(memberSchema), "The group's members now"),
        ...errorResponses(...writeErrors),
      },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      const members = await apiServices(c).groups.setMember(c.get("caller"), id, {
        userId,
        role: c.req.valid("json").role,
      });
      return c.json(members.map(presentMember), 200);
    },
  );

  api.openapi(
    createRoute({
      method: "delete",
      path: "/groups/{id}/members/{userId}",
      tags,
      summary: "Remove a person from the group",
      request: { params: memberParam },
      responses: {
        200: jsonResponse(z.array(memberSchema), "The group's members now"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) => {
      const { id, userId } = c.req.valid("param");
      return c.json((await apiServices(c).groups.removeMember(c.get("caller"), id, userId)).map(presentMember), 200);
    },
  );
}
