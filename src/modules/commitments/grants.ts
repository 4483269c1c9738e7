import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { compareDates, formatPlainDate } from "../../core/dates.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import { commitmentsAudit } from "./audit.ts";
import { decideEligibility, type GrantSummary, summarise } from "./eligibility.ts";
import {
  type CostInput,
  type CostPatch,
  costInput,
  costPatch,
  type GrantInput,
  type GrantPatch,
  grantInput,
  grantPatch,
  toHundredths,
} from "./inputs-plan.ts";
import { checkRefs, definedOf, fieldIssue } from "./plan-common.ts";
import { commitmentsPolicy } from "./policy.ts";
import { grantCostEntries, grantCutOffs, grants } from "./schema.ts";

export type GrantRow = typeof grants.$inferSelect;
export type CutOffRow = typeof grantCutOffs.$inferSelect;
export type CostRow = typeof grantCostEntries.$inferSelect;
export interface GrantView {
  grant: GrantRow;
  cutOffs: CutOffRow[];
  summary: GrantSummary;
}
/** A grant with every cost entry: what the report is made of. */
export interface GrantReport extends GrantView {
  costs: CostRow[];
}

export const costsPageInput = z.object(pageQuery({ defaultLimit: 100, maxLimit: 500 }));
const costPages = keyset({
  list: "grant-costs",
  key: grantCostEntries.costDate,
  keyType: "text",
  id: grantCostEntries.id,
  idType: "uuid",
  order: "asc",
});

/**
 * State grants and what is charged to them (issue 12 point 5): each cost entry is decided eligible or not by
 * eligibility.ts when written, and again for all of a grant's entries when its period or cut-off dates change, so
 * the stored rule is always the one that decides it now.
 */
export function createGrantService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(commitmentsAudit);
  const read = (caller: Caller) => authorize(commitmentsPolicy, "readGrants", caller.actor);
  const manage = (caller: Caller) => authorize(commitmentsPolicy, "manageGrants", caller.actor);
  const manageOne = (caller: Caller, id: string) => {
    manage(caller);
    assertUuid(id);
  };

  async function findGrant(from: Db | Tx, id: string): Promise<GrantRow> {
    const [row] = await from.select().from(grants).where(eq(grants.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }
  const cutOffsOf = (from: Db | Tx, grantId: string) =>
    from.select().from(grantCutOffs).where(eq(grantCutOffs.grantId, grantId)).orderBy(asc(grantCutOffs.date));
  const costsOf = (from: Db | Tx, grantId: string) =>
    from
      .select()
      .from(grantCostEntries)
      .where(eq(grantCostEntries.grantId, grantId))
      .orderBy(asc(grantCostEntries.costDate), asc(grantCostEntries.id));

  async function viewOf(from: Db | Tx, grant: GrantRow): Promise<GrantView> {
    const costs = await costsOf(from, grant.id);
    return { grant, cutOffs: await cutOffsOf(from, grant.id), summary: summarise(grant, costs) };
  }

  function checkGrant(
    locale: Locale,
    g: { eligibleFrom: string; eligibleTo: string; cutOffs?: { kind: string }[] | undefined },
  ) {
    if (compareDates(g.eligibleTo, g.eligibleFrom) < 0)
      throw fieldIssue(locale, "eligibleTo", "commitments.grant.periodEndBeforeStart", {
        start: formatPlainDate(locale, g.eligibleFrom),
      });
    const seen = new Set<string>();
    for (const [index, c] of (g.cutOffs ?? []).entries()) {
      if (seen.has(c.kind)) throw fieldIssue(locale, `cutOffs.${index}.kind`, "commitments.grant.cutOffTwice");
      seen.add(c.kind);
    }
  }

  const nameTaken = async <T>(locale: Locale, work: () => Promise<T>) => {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw fieldIssue(locale, "name", "commitments.grant.nameTaken");
      throw error;
    }
  };

  async function decideFor(tx: Tx, grant: GrantRow) {
    return { ...grant, cutOffs: await cutOffsOf(tx, grant.id) };
  }

  /** Decides every entry of the grant again (its period or cut-offs changed); answers how many changed. */
  async function redecideAll(tx: Tx, grant: GrantRow): Promise<number> {
    const rules = await decideFor(tx, grant);
    let changed = 0;
    for (const cost of await costsOf(tx, grant.id)) {
      const decided = decideEligibility(rules, cost);
      if (decided.eligible === cost.eligible && decided.rule === cost.rule) continue;
      changed += 1;
      await tx.update(grantCostEntries).set(decided).where(eq(grantCostEntries.id, cost.id));
    }
    return changed;
  }

  return {
    async list(caller: Caller): Promise<GrantView[]> {
      read(caller);
      const rows = await db.select().from(grants).orderBy(asc(grants.name));
      const views: GrantView[] = [];
      for (const row of rows) views.push(await viewOf(db, row));
      return views;
    },

    async get(caller: Caller, id: string): Promise<GrantView> {
      read(caller);
      assertUuid(id);
      return viewOf(db, await findGrant(db, id));
    },

    async create(caller: Caller, input: GrantInput | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manage(caller),
        input: { schema: grantInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<GrantView> => {
          checkGrant(caller.locale, data);
          await checkRefs(tx, caller.locale, { contractId: data.contractId });
          const { cutOffs, ownSharePercent, paidCents, amountCents, ...fields } = data;
          const [row] = await nameTaken(caller.locale, () =>
            tx
              .insert(grants)
              .values({
                ...fields,
                amountCents: BigInt(amountCents),
                paidCents: BigInt(paidCents ?? amountCents),
                ownShareHundredths: toHundredths(ownSharePercent) ?? 0,
                createdBy: caller.actor?.id ?? null,
              })
              .returning(),
          );
          if (!row) throw new AppError("INTERNAL");
          if (cutOffs.length) await tx.insert(grantCutOffs).values(cutOffs.map((c) => ({ ...c, grantId: row.id })));
          await audit(
            "grant.create",
            { type: "grant", id: row.id },
            { fundingSource: row.fundingSource, amountCents: amountCents },
          );
          return viewOf(tx, row);
        },
      });
    },

    /** A change; cut-offs given replace the stored ones, and every entry is decided again. */
    async update(caller: Caller, id: string, input: GrantPatch | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: grantPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<GrantView> => {
          const before = await findGrant(tx, id);
          const { cutOffs, ownSharePercent, paidCents, amountCents, ...change } = definedOf(data);
          checkGrant(caller.locale, {
            eligibleFrom: change.eligibleFrom ?? before.eligibleFrom,
            eligibleTo: change.eligibleTo ?? before.eligibleTo,
            cutOffs,
          });
          if (change.contractId) await checkRefs(tx, caller.locale, { contractId: change.contractId });
          const [row] = await nameTaken(caller.locale, () =>
            tx
              .update(grants)
              .set({
                ...change,
                ...(amountCents !== undefined ? { amountCents: BigInt(amountCents) } : {}),
                ...(paidCents !== undefined && paidCents !== null ? { paidCents: BigInt(paidCents) } : {}),
                ...(ownSharePercent !== undefined ? { ownShareHundredths: toHundredths(ownSharePercent) ?? 0 } : {}),
                updatedAt: new Date(),
              })
              .where(eq(grants.id, id))
              .returning(),
          );
          if (!row) throw new AppError("NOT_FOUND");
          if (cutOffs) {
            await tx.delete(grantCutOffs).where(eq(grantCutOffs.grantId, id));
            if (cutOffs.length) await tx.insert(grantCutOffs).values(cutOffs.map((c) => ({ ...c, grantId: id })));
          }
          const redecided = await redecideAll(tx, row);
          await audit("grant.update", { type: "grant", id }, { changed: Object.keys(definedOf(data)), redecided });
          return viewOf(tx, row);
        },
      });
    },

    /** A grant's cost entries by date. */
    async listCosts(caller: Caller, grantId: string, query: unknown = {}): Promise<Page<CostRow>> {
      read(caller);
      assertUuid(grantId);
      await findGrant(db, grantId);
      const q = parseInput(costsPageInput, query, caller.locale);
      const cursor = costPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(costPages.columns({ cost: grantCostEntries }))
        .from(grantCostEntries)
        .where(and(eq(grantCostEntries.grantId, grantId), costPages.after(cursor)))
        .orderBy(...costPages.orderBy)
        .limit(costPages.fetch(q.limit));
      const page = costPages.page(rows, q.limit);
      return { items: page.items.map((r) => r.cost), nextCursor: page.nextCursor };
    },

    /** One cost entry, with the rule that decided it. */
    async getCost(caller: Caller, id: string): Promise<CostRow> {
      read(caller);
      assertUuid(id);
      const [row] = await db.select().from(grantCostEntries).where(eq(grantCostEntries.id, id));
      if (!row) throw new AppError("NOT_FOUND");
      return row;
    },

    async addCost(caller: Caller, grantId: string, input: CostInput | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manageOne(caller, grantId),
        input: { schema: costInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<CostRow> => {
          const grant = await findGrant(tx, grantId);
          await checkRefs(tx, caller.locale, { contractId: data.contractId });
          const facts = { ...data, commitmentDate: data.commitmentDate ?? null };
          const decided = decideEligibility(await decideFor(tx, grant), facts);
          const [row] = await tx
            .insert(grantCostEntries)
            .values({
              ...facts,
              grantId,
              amountCents: BigInt(data.amountCents),
              ...decided,
              createdBy: caller.actor?.id ?? null,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit(
            "cost.create",
            { type: "grantCost", id: row.id },
            { grantId, amountCents: data.amountCents, ...decided },
          );
          return row;
        },
      });
    },

    async updateCost(caller: Caller, id: string, input: CostPatch | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        input: { schema: costPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<CostRow> => {
          const [before] = await tx.select().from(grantCostEntries).where(eq(grantCostEntries.id, id));
          if (!before) throw new AppError("NOT_FOUND");
          const { amountCents, ...change } = definedOf(data);
          if (change.contractId) await checkRefs(tx, caller.locale, { contractId: change.contractId });
          const merged = { ...before, ...change };
          const decided = decideEligibility(await decideFor(tx, await findGrant(tx, before.grantId)), merged);
          const [row] = await tx
            .update(grantCostEntries)
            .set({
              ...change,
              ...(amountCents !== undefined ? { amountCents: BigInt(amountCents) } : {}),
              ...decided,
              updatedAt: new Date(),
            })
            .where(eq(grantCostEntries.id, id))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("cost.update", { type: "grantCost", id }, { changed: Object.keys(definedOf(data)), ...decided });
          return row;
        },
      });
    },

    async removeCost(caller: Caller, id: string, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manageOne(caller, id),
        within: options.within,
        run: async ({ tx, audit }): Promise<void> => {
          const [row] = await tx.delete(grantCostEntries).where(eq(grantCostEntries.id, id)).returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "cost.delete",
            { type: "grantCost", id },
            { grantId: row.grantId, amountCents: Number(row.amountCents) },
          );
        },
      });
    },

    /** Everything the grant report shows: the grant, its figures and every entry. */
    async report(caller: Caller, id: string): Promise<GrantReport> {
      read(caller);
      assertUuid(id);
      const grant = await findGrant(db, id);
      return { ...(await viewOf(db, grant)), costs: await costsOf(db, id) };
    },
  };
}

export type GrantService = ReturnType<typeof createGrantService>;
