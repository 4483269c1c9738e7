import type { Db, Tx } from "../../db/client.ts";
import { auditEvents } from "./schema.ts";

export interface AuditEntry {
  actorId: string | null;
  /** For a wall participant without an account: their pseudonymous id (participant hash), never an address. */
  actorParticipant?: string | null;
  module: string;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/** Call inside the write's own transaction, so the record and the change commit together. */
export async function recordAudit(tx: Db | Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({ ...entry, targetId: entry.targetId ?? null, details: entry.details ?? {} });
}
