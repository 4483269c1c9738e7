import { and, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import type { Db } from "../../db/client.ts";
import { users } from "../accounts/schema.ts";
import { auditPolicy } from "./policy.ts";
import { auditEvents } from "./schema.ts";

export const auditFilterInput = z.object({
  actorId: z.string().max(100).optional(),
  module: z.string().max(50).optional(),
  ...pageQuery({ defaultLimit: 50, maxLimit: 200 }),
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

/** Newest first; events written in the same instant (one transaction) by id, newest first. */
const auditPages = keyset({
  list: "audit",
  key: auditEvents.at,
  keyType: "timestamp",
  id: auditEvents.id,
  idType: "integer",
  order: "desc",
});

export function createAuditService(db: Db) {
  return {
    /** One page of the log, newest first; `nextCursor` fetches the next (older) page. */
    async list(caller: Caller, filter: AuditFilter | unknown = {}): Promise<Page<AuditEventView>> {
      authorize(auditPolicy, "readAuditLog", caller.actor);
      const f = parseInput(auditFilterInput, filter, caller.locale);
      const cursor = auditPages.decode(f.cursor, caller.locale);
      const where: (SQL | undefined)[] = [auditPages.after(cursor)];
      if (f.actorId) where.push(eq(auditEvents.actorId, f.actorId));
      if (f.module) where.push(eq(auditEvents.module, f.module));
      const rows = await db
        .select(
          auditPages.columns({
            id: auditEvents.id,
            at: auditEvents.at,
            actorId: auditEvents.actorId,
            actorName: users.name,
            module: auditEvents.module,
            action: auditEvents.action,
            targetType: auditEvents.targetType,
            targetId: auditEvents.targetId,
            details: auditEvents.details,
          }),
        )
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorId))
        .where(and(...where))
        .orderBy(...auditPages.orderBy)
        .limit(auditPages.fetch(f.limit));
      return auditPages.page(rows, f.limit);
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
