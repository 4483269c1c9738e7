import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import type { Db } from "../../db/client.ts";
import { users } from "../accounts/schema.ts";
import { auditPolicy } from "./policy.ts";
import { auditEvents } from "./schema.ts";

export const auditFilterInput = z.object({
  actorId: z.string().max(100).optional(),
  module: z.string().max(50).optional(),
  /** Keyset paging: events older than this id. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.input<typeof auditFilterInput>;

export interface AuditEventView {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  module: string;
  action: string;
  targetType: string;
  targetId: string | null;
  details: Record<string, unknown>;
}

export function createAuditService(db: Db) {
  return {
    async list(caller: Caller, filter: AuditFilter | unknown = {}): Promise<AuditEventView[]> {
      authorize(auditPolicy, "readAuditLog", caller.actor);
      const f = parseInput(auditFilterInput, filter, caller.locale);
      const where: SQL[] = [];
      if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
      if (f.module) where.push(eq(auditEvents.module, f.module));
      if (f.before) where.push(lt(auditEvents.id, f.before));
      return db
        .select({
          id: auditEvents.id,
          at: auditEvents.at,
          actorId: auditEvents.actorId,
          actorName: users.name,
          module: auditEvents.module,
          action: auditEvents.action,
          targetType: auditEvents.targetType,
          targetId: auditEvents.targetId,
          details: auditEvents.details,
        })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(and(...where))
        .orderBy(desc(auditEvents.id))
        .limit(f.limit);
    },

    /** The modules that have written anything, for the filter menu. */
    async modules(caller: Caller): Promise<string[]> {
      authorize(auditPolicy, "readAuditLog", caller.actor);
      const rows = await db
        .selectDistinct({ module: auditEvents.module })
        .from(auditEvents)
        .orderBy(auditEvents.module);
      return rows.map((r) => r.module);
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
