import { z } from "@hono/zod-openapi";
import type { AuditEventView } from "./service.ts";

/** One audit row as the API and the audit page give it. */
export const auditEventSchema = z
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

export const presentAuditEvent = (e: AuditEventView): z.infer<typeof auditEventSchema> => ({
  id: e.id,
  at: e.at.toISOString(),
  actorId: e.actorId,
  actorName: e.actorName,
  module: e.module,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  details: e.details,
});
