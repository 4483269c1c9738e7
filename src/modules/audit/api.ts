import { createRoute, z } from "@hono/zod-openapi";
import { type ApiRouter, errorResponses, jsonResponse } from "../../http/openapi.ts";
import { auditFilterInput } from "./service.ts";

const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.iso.datetime(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    module: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .openapi("AuditEvent");

export function registerAuditApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/audit",
      tags: ["Audit"],
      summary: "The audit log, newest first (admin); page with ?before=<last id>",
      request: { query: auditFilterInput },
      responses: {
        200: jsonResponse(z.array(auditEventSchema), "Audit events"),
        ...errorResponses("VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN"),
      },
    }),
    async (c) => {
      const rows = await c.get("platform").services.audit.list(c.get("caller"), c.req.valid("query"));
      return c.json(
        rows.map((r) => ({ ...r, at: r.at.toISOString() })),
        200,
      );
    },
  );
}
