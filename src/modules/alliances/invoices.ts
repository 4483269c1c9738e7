import { and, asc, eq, gte, lte } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { endOfMonth } from "../../core/dates.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { type Money, money } from "../../core/money.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import { type AllianceRow, allowIn, findAlliance, issue, type PartyRow, partiesOf, partyIn } from "./access.ts";
import { alliancesAudit } from "./audit.ts";
import { decodeBigints } from "./codec.ts";
import { splitByShares } from "./incentive/settle.ts";
import {
  incentiveInvoicesInput,
  type MonthlyInvoiceInput,
  monthlyInvoiceInput,
  type PaymentInput,
  paymentInput,
} from "./inputs.ts";
import { allianceCostEntries, allianceInvoices, allianceSettlements } from "./schema.ts";
import type { SettlementResult } from "./settlements.ts";

export type InvoiceRow = typeof allianceInvoices.$inferSelect;

export interface InvoiceView {
  row: InvoiceRow;
  currency: Money["currency"];
  /** What each owner pays of it, by the owners' agreed shares (largest remainder: the parts add up exactly). */
  owners: { partyId: string; shareBasisPoints: number; amount: Money }[];
}

/** What is still to be paid: by provider (invoiced, paid, outstanding) and by owner (its share of the unpaid). */
export interface OutstandingView {
  currency: Money["currency"];
  providers: { partyId: string; invoiced: Money; paid: Money; outstanding: Money }[];
  owners: { partyId: string; outstanding: Money }[];
  total: Money;
}

/**
 * The invoices' outstanding amounts, every provider and owner of the alliance listed (zero when nothing is due).
 * An incentive paid back (a negative invoice) lowers what is outstanding. The owners' amounts are the sums of their
 * parts of each unpaid invoice (each split by the largest remainder), so they add up to the total exactly.
 */
export function outstandingOf(
  views: readonly InvoiceView[],
  parties: readonly PartyRow[],
  currency: Money["currency"],
): OutstandingView {
  const unpaid = views.filter((v) => v.row.status === "unpaid");
  const sumOf = (list: readonly InvoiceView[]) =>
    money(
      list.reduce((s, v) => s + v.row.amountCents, 0n),
      currency,
    );
  const providers = parties
    .filter((p) => p.side === "provider")
    .map((p) => {
      const own = views.filter((v) => v.row.partyId === p.id);
      return {
        partyId: p.id,
        invoiced: sumOf(own),
        paid: sumOf(own.filter((v) => v.row.status === "paid")),
        outstanding: sumOf(own.filter((v) => v.row.status === "unpaid")),
      };
    });
  const owners = parties
    .filter((p) => p.side === "owner")
    .map((p) => ({
      partyId: p.id,
      outstanding: money(
        unpaid.reduce((s, v) => s + (v.owners.find((o) => o.partyId === p.id)?.amount.cents ?? 0n), 0n),
        currency,
      ),
    }));
  return { currency, providers, owners, total: sumOf(unpaid) };
}

function ownerSplit(row: InvoiceRow, alliance: AllianceRow, parties: readonly PartyRow[]): InvoiceView {
  const owners = parties.filter((p) => p.side === "owner");
  const amount = money(row.amountCents, alliance.currency);
  return {
    row,
    currency: alliance.currency,
    owners: owners.length
      ? splitByShares(
          amount,
          owners.map((p) => ({ partyId: p.id, shareBasisPoints: p.shareBasisPoints })),
        )
      : [],
  };
}

/** Providers' invoices: monthly cost plus fee from the open books, the incentive from an approved settlement. */
export function createInvoiceService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(alliancesAudit);

  async function viewsOf(from: Db | Tx, alliance: AllianceRow, rows: InvoiceRow[]) {
    const parties = await partiesOf(from, alliance.id);
    return rows.map((r) => ownerSplit(r, alliance, parties));
  }

  const already = (caller: Caller, path: string) => issue(caller.locale, path, "alliances.invoice.already");

  return {
    async list(caller: Caller, allianceId: string): Promise<InvoiceView[]> {
      const { alliance } = await allowIn(db, caller, allianceId, "readAlliance");
      const rows = await db
        .select()
        .from(allianceInvoices)
        .where(eq(allianceInvoices.allianceId, allianceId))
        .orderBy(asc(allianceInvoices.period), asc(allianceInvoices.kind), asc(allianceInvoices.id));
      return viewsOf(db, alliance, rows);
    },

    /** The invoices with what is outstanding of them, for the invoices page. */
    async overview(
      caller: Caller,
      allianceId: string,
    ): Promise<{ invoices: InvoiceView[]; outstanding: OutstandingView }> {
      const { alliance } = await allowIn(db, caller, allianceId, "readAlliance");
      const rows = await db
        .select()
        .from(allianceInvoices)
        .where(eq(allianceInvoices.allianceId, allianceId))
        .orderBy(asc(allianceInvoices.period), asc(allianceInvoices.kind), asc(allianceInvoices.id));
      const parties = await partiesOf(db, allianceId);
      const invoices = rows.map((r) => ownerSplit(r, alliance, parties));
      return { invoices, outstanding: outstandingOf(invoices, parties, alliance.currency) };
    },

    /** A provider's invoice for a month: its entries counting toward the target, the fee apart from the costs. */
    async createMonthly(caller: Caller, allianceId: string, input: MonthlyInvoiceInput): Promise<InvoiceView> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, allianceId, "manageAlliance");
        },
        input: { schema: monthlyInvoiceInput, value: input },
        run: async ({ tx, data, audit }) => {
          const alliance = await findAlliance(tx, allianceId);
          await partyIn(tx, caller.locale, allianceId, data.partyId, "partyId", "provider");
          const first = `${data.month}-01`;
          const last = endOfMonth(first).toString();
          if (last < alliance.startDate || first > alliance.endDate)
            throw issue(caller.locale, "month", "alliances.invoice.monthOutside");
          const entries = await tx
            .select()
            .from(allianceCostEntries)
            .where(
              and(
                eq(allianceCostEntries.allianceId, allianceId),
                eq(allianceCostEntries.partyId, data.partyId),
                eq(allianceCostEntries.countsTowardTarget, true),
                gte(allianceCostEntries.bookedOn, first),
                lte(allianceCostEntries.bookedOn, last),
              ),
            );
          const total = (fee: boolean) =>
            entries.filter((e) => (e.category === "fee") === fee).reduce((s, e) => s + e.amountCents, 0n);
          const cost = total(false);
          const fee = total(true);
          let row: InvoiceRow | undefined;
          try {
            [row] = await tx
              .insert(allianceInvoices)
              .values({
                allianceId,
                partyId: data.partyId,
                kind: "monthly",
                period: data.month,
                costCents: cost,
                feeCents: fee,
                amountCents: cost + fee,
                createdBy: caller.actor?.id ?? null,
              })
              .returning();
          } catch (error) {
            if (isUniqueViolation(error)) throw already(caller, "month");
            throw error;
          }
          if (!row) throw new Error("insert returned no row");
          await audit("invoice.create", { type: "allianceInvoice", id: row.id }, { allianceId, kind: "monthly" });
          return (await viewsOf(tx, alliance, [row]))[0] as InvoiceView;
        },
      });
    },

    /** Each provider's incentive of an approved settlement's year (negative: the provider pays its pain back). */
    async createIncentive(caller: Caller, allianceId: string, input: { settlementId: string }): Promise<InvoiceView[]> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, allianceId, "manageAlliance");
        },
        input: { schema: incentiveInvoicesInput, value: input },
        run: async ({ tx, data, audit }) => {
          const alliance = await findAlliance(tx, allianceId);
          const [settlement] = await tx
            .select()
            .from(allianceSettlements)
            .where(and(eq(allianceSettlements.id, data.settlementId), eq(allianceSettlements.allianceId, allianceId)));
          if (!settlement) throw issue(caller.locale, "settlementId", "alliances.invoice.settlementNotFound");
          if (settlement.status !== "approved")
            throw issue(caller.locale, "settlementId", "alliances.invoice.settlementNotApproved");
          const year = decodeBigints<SettlementResult>(settlement.result).years.at(-1);
          if (!year) throw issue(caller.locale, "settlementId", "alliances.invoice.settlementNotFound");
          const rows: InvoiceRow[] = [];
          for (const part of year.providerParts) {
            try {
              const [row] = await tx
                .insert(allianceInvoices)
                .values({
                  allianceId,
                  partyId: part.partyId,
                  kind: "incentive",
                  period: String(settlement.year),
                  costCents: 0n,
                  feeCents: 0n,
                  amountCents: part.total.cents,
                  settlementId: settlement.id,
                  createdBy: caller.actor?.id ?? null,
                })
                .returning();
              if (row) rows.push(row);
            } catch (error) {
              if (isUniqueViolation(error)) throw already(caller, "settlementId");
              throw error;
            }
          }
          await audit(
            "invoice.create",
            { type: "allianceSettlement", id: settlement.id },
            { allianceId, kind: "incentive", count: rows.length },
          );
          return viewsOf(tx, alliance, rows);
        },
      });
    },

    async setPayment(caller: Caller, invoiceId: string, input: PaymentInput): Promise<InvoiceView> {
      assertUuid(invoiceId);
      const [stored] = await db.select().from(allianceInvoices).where(eq(allianceInvoices.id, invoiceId));
      return write({
        caller,
        allow: async () => {
          if (!stored) throw new AppError(caller.actor ? "NOT_FOUND" : "UNAUTHENTICATED");
          await allowIn(db, caller, stored.allianceId, "manageAlliance");
        },
        input: { schema: paymentInput, value: input },
        run: async ({ tx, data, audit }) => {
          const allianceId = stored?.allianceId ?? "";
          const [row] = await tx
            .update(allianceInvoices)
            .set({ status: data.status, paidOn: data.paidOn })
            .where(eq(allianceInvoices.id, invoiceId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("invoice.payment", { type: "allianceInvoice", id: invoiceId }, { status: data.status });
          return (await viewsOf(tx, await findAlliance(tx, allianceId), [row]))[0] as InvoiceView;
        },
      });
    },
  };
}

export type InvoiceService = ReturnType<typeof createInvoiceService>;
