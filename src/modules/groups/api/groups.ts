import { createRoute } from "@hono/zod-openapi";
import { apiServices, idParam, signedInErrors, writeErrors } from "../../../http/api-common.ts";
import { type ApiRouter, errorResponses, jsonBody, jsonResponse } from "../../../http/openapi.ts";
import { groupInput, groupUpdateInput } from "../inputs.ts";
import {
  groupDetailSchema,
  groupSchema,
  groupsPageSchema,
  presentGroup,
  presentGroupDetail,
  presentGroupsPage,
} from "../presenters.ts";
import { groupsPageInput } from "../service.ts";

const tags = ["Working groups"];

/** Working groups: the list, a new group (with its wall), one group. */
export function registerGroupRoutes(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/groups",
      tags,
      summary: "Working groups: staff see all; others the public ones and their own",
      description: "A page at a time, by name: pass nextCursor as ?cursor= for the next page.",
      request: { query: groupsPageInput },
      responses: {
        200: jsonResponse(groupsPageSchema, "A page of groups by name"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) =>
      c.json(presentGroupsPage(await apiServices(c).groups.list(c.get("caller"), c.req.valid("query"))), 200),
  );

  api.openapi(
    createRoute({
      method: "post",
      path: "/groups",
      tags,
      summary: "Set up a working group with its convener, chair and secretary, and its wall (staff)",
      request: { body: jsonBody(groupInput) },
      responses: {
        201: jsonResponse(groupSchema, "The new group"),
        ...errorResponses("VALIDATION_FAILED", ...signedInErrors),
      },
    }),
    async (c) => c.json(presentGroup(await apiServices(c).groups.create(c.get("caller"), c.req.valid("json"))), 201),
  );

  api.openapi(
    createRoute({
      method: "get",
      path: "/groups/{id}",
      tags,
      summary: "A group: members with their home organisations, and the deliverables this caller may read",
      request: { params: idParam },
      responses: {
        200: jsonResponse(groupDetailSchema, "The group"),
        ...errorResponses(...signedInErrors, "NOT_FOUND"),
      },
    }),
    async (c) =>
      c.json(presentGroupDetail(await apiServices(c).groups.getById(c.get("caller"), c.req.valid("param").id)), 200),
  );

  api.openapi(
    createRoute({
      method: "patch",
      path: "/groups/{id}",
      tags,
      summary: "Change the group's name, theme, description or publicity (its convener, chair, secretary, or staff)",
      request: { params: idParam, body: jsonBody(groupUpdateInput) },
      responses: { 200: jsonResponse(groupSchema, "The group as saved"), ...errorResponses(...writeErrors) },
    }),
    async (c) =>
      c.json(
        presentGroup(await apiServices(c).groups.update(c.get("caller"), c.req.valid("param").id, c.req.valid("json"))),
        200,
      ),
  );
}
