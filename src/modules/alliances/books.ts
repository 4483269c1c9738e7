import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { formatPlainDate } from "../../core/dates.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { add, type CurrencyCode, type Money, money, zero } from "../../core/money.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { type AllianceRow, allowIn, findAlliance, issue, type PartyRow, partiesOf, partyIn } from "./access.ts";
import { alliancesAudit } from "./audit.ts";
import { type BudgetLineInput, budgetLineInput, type CostEntryInputData, costEntryInput, year } from "./inputs.ts";
import { allianceBudgetLines, allianceCostEntries } from "./schema.ts";
import { checkYear } from "./service.ts";

export type BudgetLineRow = typeof allianceBudgetLines.$inferSelect;
export type CostEntryRow = typeof allianceCostEntries.$inferSelect;

/** Budget against actual for one party in one year (or the alliance's year: partyId null). */
export interface BooksSummaryRow {
  year: number;
  partyId: string | null;
  budget: Money;
  actual: Money;
  /** Of the actual, what counts toward the target. */
  towardTarget: Money;
}

export interface OpenBooks {
  alliance: AllianceRow;
  parties: PartyRow[];
  budget: BudgetLineRow[];
  entries: CostEntryRow[];
}

export const costEntriesPageInput = z.object({
  year: year.optional(),
  partyId: z.uuid().optional(),
  ...pageQuery({ defaultLimit: 100, maxLimit: 500 }),
});
export type CostEntriesPageQuery = z.input<typeof costEntriesPageInput>;

const entryPages = keyset({
  list: "alliance-cost-entries",
  key: allianceCostEntries.bookedOn,
  keyType: "text",
  id: allianceCostEntries.id,
  idType: "uuid",
  order: "asc",
});

export const yearOfDay = (day: string) => Number(day.slice(0, 4));

/** A day within the alliance's dates, or a field error naming them. */
export function checkDay(caller: Caller, alliance: AllianceRow, day: string, path = "bookedOn") {
  if (day < alliance.startDate || day > alliance.endDate)
    throw issue(caller.locale, path, "alliances.cost.outsideDates", {
      start: formatPlainDate(caller.locale, alliance.startDate),
      end: formatPlainDate(caller.locale, alliance.endDate),
    });
}

export function booksSummary(
  budget: readonly BudgetLineRow[],
  entries: readonly CostEntryRow[],
  currency: CurrencyCode,
): BooksSummaryRow[] {
  const rows = new Map<string, BooksSummaryRow>();
  const at = (y: number, partyId: string | null) => {
    const key = `${y}|${partyId}`;
    let row = rows.get(key);
    if (!row) {
      row = { year: y, partyId, budget: zero(currency), actual: zero(currency), towardTarget: zero(currency) };
      rows.set(key, row);
    }
    return row;
  };
  for (const b of budget)
    for (const row of [at(b.year, b.partyId), at(b.year, null)])
      row.budget = add(row.budget, money(b.amountCents, currency));
  for (const e of entries)
    for (const row of [at(yearOfDay(e.bookedOn), e.partyId), at(yearOfDay(e.bookedOn), null)]) {
      const amount = money(e.amountCents, currency);
      row.actual = add(row.actual, amount);
      if (e.countsTowardTarget) row.towardTarget = add(row.towardTarget, amount);
    }
  return [...rows.values()].sort(
    (a, b) =>
      a.year - b.year || (a.partyId === null ? 1 : b.partyId === null ? -1 : a.partyId.localeCompare(b.partyId)),
  );
}

/** The open books: budget lines and actual cost entries, the same for every party's representatives. */
export function createBooksService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(alliancesAudit);

  async function allEntries(from: Db | Tx, allianceId: string): Promise<CostEntryRow[]> {
    return from
      .select()
      .from(allianceCostEntries)
      .where(eq(allianceCostEntries.allianceId, allianceId))
      .orderBy(...entryPages.orderBy);
  }

  async function budgetOf(from: Db | Tx, allianceId: string): Promise<BudgetLineRow[]> {
    return from
      .select()
      .from(allianceBudgetLines)
      .where(eq(allianceBudgetLines.allianceId, allianceId))
      .orderBy(asc(allianceBudgetLines.year), asc(allianceBudgetLines.createdAt), asc(allianceBudgetLines.id));
  }

  async function recordOf<T extends { allianceId: string }>(
    caller: Caller,
    id: string,
    find: (id: string) => Promise<T | undefined>,
  ): Promise<T> {
    assertUuid(id);
    const row = await find(id);
    if (!row) throw new AppError(caller.actor ? "NOT_FOUND" : "UNAUTHENTICATED");
    return row;
  }

  return {
    async listBudget(caller: Caller, allianceId: string): Promise<BudgetLineRow[]> {
      await allowIn(db, caller, allianceId, "readAlliance");
      return budgetOf(db, allianceId);
    },

    async addBudgetLine(caller: Caller, allianceId: string, input: BudgetLineInput): Promise<BudgetLineRow> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, allianceId, "editBooks");
        },
        input: { schema: budgetLineInput, value: input },
        run: async ({ tx, data, audit }) => {
          const alliance = await findAlliance(tx, allianceId);
          await partyIn(tx, caller.locale, allianceId, data.partyId);
          checkYear(caller, alliance, data.year);
          if (data.amount.currency !== alliance.currency)
            throw issue(caller.locale, "amount", "alliances.amount.currency", { currency: alliance.currency });
          const [row] = await tx
            .insert(allianceBudgetLines)
            .values({
              allianceId,
              partyId: data.partyId,
              year: data.year,
              category: data.category,
              description: data.description,
              amountCents: data.amount.cents,
            })
            .returning();
          if (!row) throw new Error("insert returned no row");
          await audit("budget.create", { type: "allianceBudgetLine", id: row.id }, { allianceId });
          return row;
        },
      });
    },

    async removeBudgetLine(caller: Caller, id: string): Promise<void> {
      const row = await recordOf(caller, id, async (x) => {
        const [r] = await db.select().from(allianceBudgetLines).where(eq(allianceBudgetLines.id, x));
        return r;
      });
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, row.allianceId, "editBooks");
        },
        run: async ({ tx, audit }) => {
          await tx.delete(allianceBudgetLines).where(eq(allianceBudgetLines.id, id));
          await audit("budget.delete", { type: "allianceBudgetLine", id }, { allianceId: row.allianceId });
        },
      });
    },

    /** A page of cost entries by day (a year's or a party's when asked). */
    async listCostEntries(
      caller: Caller,
      allianceId: string,
      query: CostEntriesPageQuery | unknown = {},
    ): Promise<Page<CostEntryRow>> {
      await allowIn(db, caller, allianceId, "readAlliance");
      const q = parseInput(costEntriesPageInput, query, caller.locale);
      const cursor = entryPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(entryPages.columns({ entry: allianceCostEntries }))
        .from(allianceCostEntries)
        .where(
          and(
            eq(allianceCostEntries.allianceId, allianceId),
            q.year === undefined ? undefined : gte(allianceCostEntries.bookedOn, `${q.year}-01-01`),
            q.year === undefined ? undefined : lte(allianceCostEntries.bookedOn, `${q.year}-12-31`),
            q.partyId === undefined ? undefined : eq(allianceCostEntries.partyId, q.partyId),
            entryPages.after(cursor),
          ),
        )
        .orderBy(...entryPages.orderBy)
        .limit(entryPages.fetch(q.limit));
      const page = entryPages.page(rows, q.limit);
      return { items: page.items.map((r) => r.entry), nextCursor: page.nextCursor };
    },

    async getCostEntry(caller: Caller, id: string): Promise<CostEntryRow> {
      const row = await recordOf(caller, id, async (x) => {
        const [r] = await db.select().from(allianceCostEntries).where(eq(allianceCostEntries.id, x));
        return r;
      });
      await allowIn(db, caller, row.allianceId, "readAlliance");
      return row;
    },

    /** The alliance's cost entries with these ids, in one query (the ones a settlement's steps rest on). */
    async costEntriesByIds(caller: Caller, allianceId: string, ids: readonly string[]): Promise<CostEntryRow[]> {
      await allowIn(db, caller, allianceId, "readAlliance");
      const wanted = [...new Set(ids)];
      for (const id of wanted) assertUuid(id);
      if (wanted.length === 0) return [];
      return db
        .select()
        .from(allianceCostEntries)
        .where(and(eq(allianceCostEntries.allianceId, allianceId), inArray(allianceCostEntries.id, wanted)))
        .orderBy(...entryPages.orderBy);
    },

    async addCostEntry(
      caller: Caller,
      allianceId: string,
      input: CostEntryInputData,
      options: { within?: WriteUnit } = {},
    ): Promise<CostEntryRow> {
      return write({
        caller,
        allow: async () => {
          await allowIn(options.within?.tx ?? db, caller, allianceId, "editBooks");
        },
        input: { schema: costEntryInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const alliance = await findAlliance(tx, allianceId);
          await partyIn(tx, caller.locale, allianceId, data.partyId);
          checkDay(caller, alliance, data.bookedOn);
          if (data.amount.currency !== alliance.currency)
            throw issue(caller.locale, "amount", "alliances.amount.currency", { currency: alliance.currency });
          const [row] = await tx
            .insert(allianceCostEntries)
            .values({
              allianceId,
              partyId: data.partyId,
              bookedOn: data.bookedOn,
              category: data.category,
              countsTowardTarget: data.countsTowardTarget,
              amountCents: data.amount.cents,
              description: data.description,
              auditReference: data.auditReference,
              createdBy: caller.actor?.id ?? null,
            })
            .returning();
          if (!row) throw new Error("insert returned no row");
          await audit("cost.create", { type: "allianceCostEntry", id: row.id }, { allianceId });
          return row;
        },
      });
    },

    async removeCostEntry(caller: Caller, id: string): Promise<void> {
      const row = await recordOf(caller, id, async (x) => {
        const [r] = await db.select().from(allianceCostEntries).where(eq(allianceCostEntries.id, x));
        return r;
      });
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, row.allianceId, "editBooks");
        },
        run: async ({ tx, audit }) => {
          await tx.delete(allianceCostEntries).where(eq(allianceCostEntries.id, id));
          await audit("cost.delete", { type: "allianceCostEntry", id }, { allianceId: row.allianceId });
        },
      });
    },

    /** Budget against actual per year and party, and per year for the alliance. */
    async summary(caller: Caller, allianceId: string): Promise<{ rows: BooksSummaryRow[]; currency: CurrencyCode }> {
      const { alliance } = await allowIn(db, caller, allianceId, "readAlliance");
      return {
        rows: booksSummary(await budgetOf(db, allianceId), await allEntries(db, allianceId), alliance.currency),
        currency: alliance.currency,
      };
    },

    /** Everything in the open books at once, for the workbook: the alliance, its parties, budget and entries. */
    async openBooks(caller: Caller, allianceId: string): Promise<OpenBooks> {
      const { alliance } = await allowIn(db, caller, allianceId, "readAlliance");
      return {
        alliance,
        parties: await partiesOf(db, allianceId),
        budget: await budgetOf(db, allianceId),
        entries: await allEntries(db, allianceId),
      };
    },

    allEntries,
  };
}

export type BooksService = ReturnType<typeof createBooksService>;
