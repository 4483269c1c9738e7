import { createRoute } from "@hono/zod-openapi";
import { pageSchema } from "../../core/pagination.ts";
import { type ApiRouter, errorResponses, jsonResponse } from "../../http/openapi.ts";
import { auditEventSchema, presentAuditEvent } from "./presenters.ts";
import { auditFilterInput } from "./service.ts";

export function registerAuditApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["Audit"],
      summary: "The audit log, newest first (admin); the next page with ?cursor=<nextCursor>",
      request: { query: auditFilterInput },
      responses: {
        200: jsonResponse(pageSchema(auditEventSchema).openapi("AuditEventPage"), "A page of audit events"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => {
      const page = await c.get("platform").services.audit.list(c.get("caller"), c.req.valid("query"));
      return c.json({ items: page.items.map(presentAuditEvent), nextCursor: page.nextCursor }, 200);
    },
  );
}
