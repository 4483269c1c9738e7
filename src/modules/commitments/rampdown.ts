import { asc, eq, sql } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { authorize } from "../../core/policy.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import { commitmentsAudit } from "./audit.ts";
import { type CommitmentKind, standardChecklistItems } from "./constants.ts";
import {
  type ChecklistItemInput,
  type ChecklistItemPatch,
  checklistItemInput,
  checklistItemPatch,
  type DecisionInput,
  type DecisionPatch,
  decisionInput,
  decisionPatch,
} from "./inputs-plan.ts";
import { definedOf, fieldIssue } from "./plan-common.ts";
import { commitmentsPolicy } from "./policy.ts";
import { contracts, grants, rampdownChecklist, rampdownDecisionsTable, secondments } from "./schema.ts";

export type DecisionRow = typeof rampdownDecisionsTable.$inferSelect;
export type ChecklistRow = typeof rampdownChecklist.$inferSelect;
export interface DecisionView {
  decision: DecisionRow;
  /** What the decision is about, as the register names it (a contract's number and name, a person, a grant). */
  commitment: { kind: CommitmentKind; id: string | null; label: string };
}

/**
 * The ramp-down plan (issue 12 point 6): a decision on each commitment (continue, end, transfer to another
 * organisation, already ended) with its date, who decided, the exit cost and the earliest exit date; and the
 * checklist of the decisions a stopped preparation has to make (seed 003), each with an owner and a status.
 */
export function createRampdownService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(commitmentsAudit);
  const read = (caller: Caller) => authorize(commitmentsPolicy, "readRampdown", caller.actor);
  const manage = (caller: Caller) => authorize(commitmentsPolicy, "manageRampdown", caller.actor);
  const manageOne = (caller: Caller, id: string) => {
    manage(caller);
    assertUuid(id);
  };

  async function labelOf(from: Db | Tx, d: DecisionRow): Promise<DecisionView["commitment"]> {
    if (d.contractId) {
      const [c] = await from
        .select({ number: contracts.number, name: contracts.name })
        .from(contracts)
        .where(eq(contracts.id, d.contractId));
      return { kind: "contract", id: d.contractId, label: c ? `${c.number} ${c.name}` : "" };
    }
    if (d.secondmentId) {
      const [s] = await from
        .select({ name: secondments.personName, home: secondments.homeOrganisationName })
        .from(secondments)
        .where(eq(secondments.id, d.secondmentId));
      return { kind: "secondment", id: d.secondmentId, label: s ? `${s.name} (${s.home})` : "" };
    }
    if (d.grantId) {
      const [g] = await from.select({ name: grants.name }).from(grants).where(eq(grants.id, d.grantId));
      return { kind: "grant", id: d.grantId, label: g?.name ?? "" };
    }
    return { kind: "other", id: null, label: d.title };
  }

  /** Exactly one target, which exists; answers the kind. */
  async function targetOf(
    tx: Tx,
    locale: Locale,
    d: { contractId?: string | null; secondmentId?: string | null; grantId?: string | null; title: string },
  ): Promise<CommitmentKind> {
    const given = (
      [
        ["contract", "contractId", d.contractId, contracts],
        ["secondment", "secondmentId", d.secondmentId, secondments],
        ["grant", "grantId", d.grantId, grants],
      ] as const
    ).filter(([, , id]) => id);
    if (given.length > 1 || (given.length === 0 && !d.title))
      throw fieldIssue(locale, given[1]?.[1] ?? "title", "commitments.decision.targetOne");
    const [target] = given;
    if (!target) return "other";
    const [kind, path, id, table] = target;
    const [row] = await tx
      .select({ id: table.id })
      .from(table)
      .where(eq(table.id, id as string));
    if (!row) throw fieldIssue(locale, path, "commitments.decision.targetNotFound");
    return kind;
  }

  function checkTransfer(locale: Locale, decision: string, transferTo: string | null | undefined) {
    if (decision === "transfer" && !transferTo)
      throw fieldIssue(locale, "transferTo", "commitments.decision.transferToRequired");
    if (decision !== "transfer" && transferTo)
      throw fieldIssue(locale, "transferTo", "commitments.decision.transferToOnlyTransfer");
  }

  const once = async <T>(locale: Locale, path: string, work: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw fieldIssue(locale, path, "commitments.decision.exists");
      throw error;
    }
  };

  async function decisionView(from: Db | Tx, row: DecisionRow): Promise<DecisionView> {
    return { decision: row, commitment: await labelOf(from, row) };
  }

  return {
    /** Every decision, oldest first. */
    async listDecisions(caller: Caller): Promise<DecisionView[]> {
      read(caller);
      const rows = await db
        .select()
        .from(rampdownDecisionsTable)
        .orderBy(asc(rampdownDecisionsTable.createdAt), asc(rampdownDecisionsTable.id));
      const views: DecisionView[] = [];
      for (const row of rows) views.push(await decisionView(db, row));
      return views;
    },

    async getDecision(caller: Caller, id: string): Promise<DecisionView> {
      read(caller);
      assertUuid(id);
      const [row] = await db.select().from(rampdownDecisionsTable).where(eq(rampdownDecisionsTable.id, id));
      if (!row) throw new AppError("NOT_FOUND");
      return decisionView(db, row);
    },

    /** A decision on one commitment; a second decision on the same one is refused (change the first). */
    async decide(caller: Caller, input: DecisionInput | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manage(caller),
        input: { schema: decisionInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<DecisionView> => {
          const kind = await targetOf(tx, caller.locale, data);
          checkTransfer(caller.locale, data.decision, data.transferTo);
          const path = kind === "other" ? "title" : `${kind}Id`;
          const [row] = await once(caller.locale, path, () =>
            tx
              .insert(rampdownDecisionsTable)
              .values({
                ...data,
                kind,
                transferTo: data.transferTo ?? null,
                exitCostCents: BigInt(data.exitCostCents),
                createdBy: caller.actor?.id ?? null,
              })
              .returning(),
          );
          if (!row) throw new AppError("INTERNAL");
          await audit(
            "decision.create",
            { type: "rampdownDecision", id: row.id },
            { kind, decision: row.decision, exitCostCents: data.exitCostCents },
          );
          return decisionView(tx, row);
        },
      });
    },

    async updateDecision(
      caller: Caller,
      id: string,
      input: DecisionPatch | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: decisionPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<DecisionView> => {
          const [before] = await tx.select().from(rampdownDecisionsTable).where(eq(rampdownDecisionsTable.id, id));
          if (!before) throw new AppError("NOT_FOUND");
          const { exitCostCents, ...change } = definedOf(data);
          const decision = change.decision ?? before.decision;
          // Leaving a transfer drops its receiving organisation unless one is given (which is then refused).
          const transferTo =
            data.transferTo !== undefined ? data.transferTo : decision === "transfer" ? before.transferTo : null;
          checkTransfer(caller.locale, decision, transferTo);
          const [row] = await tx
            .update(rampdownDecisionsTable)
            .set({
              ...change,
              transferTo,
              ...(exitCostCents !== undefined ? { exitCostCents: BigInt(exitCostCents) } : {}),
              updatedAt: new Date(),
            })
            .where(eq(rampdownDecisionsTable.id, id))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "decision.update",
            { type: "rampdownDecision", id },
            { changed: Object.keys(definedOf(data)), decision: row.decision },
          );
          return decisionView(tx, row);
        },
      });
    },

    /** The checklist in its order. */
    async checklist(caller: Caller): Promise<ChecklistRow[]> {
      read(caller);
      return db.select().from(rampdownChecklist).orderBy(asc(rampdownChecklist.position), asc(rampdownChecklist.id));
    },

    /** An item: one of the standard ones (key) or the office's own (title), at the end of the list. */
    async addChecklistItem(caller: Caller, input: ChecklistItemInput | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manage(caller),
        input: { schema: checklistItemInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<ChecklistRow> => {
          if (!data.key && !data.title) throw fieldIssue(caller.locale, "title", "commitments.checklist.titleRequired");
          const [last] = await tx
            .select({ n: sql<number>`coalesce(max(${rampdownChecklist.position}), -1)::int` })
            .from(rampdownChecklist);
          const [row] = await tx
            .insert(rampdownChecklist)
            .values({ ...data, dueDate: data.dueDate ?? null, position: (last?.n ?? -1) + 1 })
            .onConflictDoNothing()
            .returning();
          if (!row) throw fieldIssue(caller.locale, "key", "commitments.checklist.keyTaken");
          await audit("checklist.create", { type: "rampdownChecklistItem", id: row.id }, { key: row.key });
          return row;
        },
      });
    },

    /** Seed 003's decisions, those not on the list yet, in their order; answers the whole list. */
    async addStandardChecklist(caller: Caller, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manage(caller),
        within: options.within,
        run: async ({ tx, audit, unchanged }): Promise<ChecklistRow[]> => {
          const have = new Set(
            (await tx.select({ key: rampdownChecklist.key }).from(rampdownChecklist)).map((r) => r.key),
          );
          const missing = standardChecklistItems.filter((key) => !have.has(key));
          const [last] = await tx
            .select({ n: sql<number>`coalesce(max(${rampdownChecklist.position}), -1)::int` })
            .from(rampdownChecklist);
          const start = (last?.n ?? -1) + 1;
          if (missing.length === 0) unchanged();
          else {
            await tx.insert(rampdownChecklist).values(missing.map((key, i) => ({ key, position: start + i })));
            await audit("checklist.create", { type: "rampdownChecklist", id: null }, { keys: missing });
          }
          return tx
            .select()
            .from(rampdownChecklist)
            .orderBy(asc(rampdownChecklist.position), asc(rampdownChecklist.id));
        },
      });
    },

    /** An item's owner, status, due date, note (and title for the office's own). */
    async updateChecklistItem(
      caller: Caller,
      id: string,
      input: ChecklistItemPatch | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: checklistItemPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<ChecklistRow> => {
          const [before] = await tx.select().from(rampdownChecklist).where(eq(rampdownChecklist.id, id));
          if (!before) throw new AppError("NOT_FOUND");
          const change = definedOf(data);
          if (!before.key && change.title === "")
            throw fieldIssue(caller.locale, "title", "commitments.checklist.titleRequired");
          const [row] = await tx
            .update(rampdownChecklist)
            .set({ ...change, updatedAt: new Date() })
            .where(eq(rampdownChecklist.id, id))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "checklist.update",
            { type: "rampdownChecklistItem", id },
            { changed: Object.keys(change), status: row.status },
          );
          return row;
        },
      });
    },
  };
}

export type RampdownService = ReturnType<typeof createRampdownService>;
