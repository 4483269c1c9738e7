import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { compareDates, formatPlainDate, helsinkiDate, type PlainDate } from "../../core/dates.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { commitmentsAudit } from "./audit.ts";
import { fundingSources } from "./constants.ts";
import { day } from "./inputs.ts";
import {
  type SecondmentInput,
  type SecondmentPatch,
  secondmentInput,
  secondmentPatch,
  toHundredths,
} from "./inputs-plan.ts";
import { checkRefs, definedOf, fieldIssue } from "./plan-common.ts";
import { commitmentsPolicy } from "./policy.ts";
import { secondmentSubstitutes, secondments } from "./schema.ts";
import { type MonthlyReturns, returnScheduleOf, type SecondmentTotals, totalsOf } from "./secondment-totals.ts";

export type SecondmentRow = typeof secondments.$inferSelect;
export type SubstituteRow = typeof secondmentSubstitutes.$inferSelect;
export interface SecondmentView {
  secondment: SecondmentRow;
  /** The substitution chain at home, in order. */
  substitutes: SubstituteRow[];
}

/** `?fundingSource=&homeOrganisation=&cursor=&limit=` of the list. */
export const secondmentsPageInput = z.object({
  fundingSource: z.enum(fundingSources).optional(),
  homeOrganisation: z.string().trim().max(300).optional(),
  ...pageQuery({ defaultLimit: 100, maxLimit: 500 }),
});
/** `?on=`: only secondments in force on that day (by their agreed period); without it, all. */
export const secondmentTotalsInput = z.object({ on: day.optional() });
/** `?from=&to=`: months whose returns to show (YYYY-MM-DD, any day of the month). */
export const returnScheduleInput = z.object({ from: day.optional(), to: day.optional() });

const pages = keyset({
  list: "secondments",
  key: secondments.personName,
  keyType: "text",
  id: secondments.id,
  idType: "uuid",
  order: "asc",
});

/** Who a person is across their secondments: their account when named, else their name (any case or spacing). */
const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

type Merged = Omit<z.output<typeof secondmentInput>, "substitutes" | "fte"> & { fteHundredths: number };

/**
 * Secondments (issue 12 point 4): the people working for the office from their home organisations, what they
 * cost and what pays for them, when they go back and who stands in for whom at home meanwhile.
 */
export function createSecondmentService({
  db,
  writes = createWritePath(db),
  today = () => helsinkiDate(),
}: {
  db: Db;
  writes?: WritePath;
  today?: () => PlainDate;
}) {
  const write = writes(commitmentsAudit);
  const read = (caller: Caller) => authorize(commitmentsPolicy, "readSecondments", caller.actor);
  const manage = (caller: Caller) => authorize(commitmentsPolicy, "manageSecondments", caller.actor);

  async function find(from: Db | Tx, id: string): Promise<SecondmentRow> {
    const [row] = await from.select().from(secondments).where(eq(secondments.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  async function substitutesOf(from: Db | Tx, ids: string[]): Promise<Map<string, SubstituteRow[]>> {
    const map = new Map<string, SubstituteRow[]>();
    if (ids.length === 0) return map;
    const rows = await from
      .select()
      .from(secondmentSubstitutes)
      .where(inArray(secondmentSubstitutes.secondmentId, ids))
      .orderBy(asc(secondmentSubstitutes.position));
    for (const row of rows) map.set(row.secondmentId, [...(map.get(row.secondmentId) ?? []), row]);
    return map;
  }

  async function viewsOf(from: Db | Tx, rows: SecondmentRow[]): Promise<SecondmentView[]> {
    const subs = await substitutesOf(
      from,
      rows.map((r) => r.id),
    );
    return rows.map((secondment) => ({ secondment, substitutes: subs.get(secondment.id) ?? [] }));
  }

  /**
   * The rules across fields and rows: the agreed end and the planned return not before the start, and the
   * person's shares of overlapping secondments within 100 % on every day (the highest day is named).
   */
  async function check(tx: Tx, locale: Locale, s: Merged, id: string | null) {
    if (compareDates(s.agreedEndDate, s.startDate) < 0)
      throw fieldIssue(locale, "agreedEndDate", "commitments.secondment.endBeforeStart", {
        start: formatPlainDate(locale, s.startDate),
      });
    if (s.plannedReturnDate && compareDates(s.plannedReturnDate, s.startDate) < 0)
      throw fieldIssue(locale, "plannedReturnDate", "commitments.secondment.returnBeforeStart", {
        start: formatPlainDate(locale, s.startDate),
      });
    await checkRefs(
      tx,
      locale,
      { contractId: s.contractId, personId: s.personId, organisationId: s.homeOrganisationId },
      { organisationId: "homeOrganisationId" },
    );
    // Two writes for one person at once would each see the other's share missing: one waits for the other.
    const key = s.personId ? `person:${s.personId}` : `name:${nameKey(s.personName)}`;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`secondment ${key}`}))`);
    const samePerson: SQL[] = [
      sql`lower(regexp_replace(trim(${secondments.personName}), '\\s+', ' ', 'g')) = ${nameKey(s.personName)}`,
    ];
    if (s.personId) samePerson.push(eq(secondments.personId, s.personId));
    const others = (
      await tx
        .select()
        .from(secondments)
        .where(
          and(
            or(...samePerson),
            sql`${secondments.startDate} <= ${s.agreedEndDate}`,
            sql`${secondments.agreedEndDate} >= ${s.startDate}`,
          ),
        )
    ).filter((o) => o.id !== id);
    const days = [s.startDate, ...others.map((o) => o.startDate).filter((d) => compareDates(d, s.startDate) > 0)];
    for (const at of days) {
      const total =
        s.sharePercent +
        others
          .filter((o) => compareDates(o.startDate, at) <= 0 && compareDates(o.agreedEndDate, at) >= 0)
          .reduce((sum, o) => sum + o.sharePercent, 0);
      if (total > 100)
        throw fieldIssue(locale, "sharePercent", "commitments.secondment.shareOver100", {
          name: s.personName,
          total: String(total),
          date: formatPlainDate(locale, at),
        });
    }
  }

  async function writeSubstitutes(tx: Tx, secondmentId: string, list: { name: string; post: string }[]) {
    await tx.delete(secondmentSubstitutes).where(eq(secondmentSubstitutes.secondmentId, secondmentId));
    if (list.length)
      await tx
        .insert(secondmentSubstitutes)
        .values(list.map((s, position) => ({ secondmentId, position, name: s.name, post: s.post })));
  }

  async function all(): Promise<SecondmentView[]> {
    return viewsOf(db, await db.select().from(secondments).orderBy(asc(secondments.personName), asc(secondments.id)));
  }

  return {
    /** By name A–Z; by funding source or home organisation when asked. */
    async list(caller: Caller, query: unknown = {}): Promise<Page<SecondmentView>> {
      read(caller);
      const q = parseInput(secondmentsPageInput, query, caller.locale);
      const cursor = pages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(pages.columns({ secondment: secondments }))
        .from(secondments)
        .where(
          and(
            pages.after(cursor),
            q.fundingSource ? eq(secondments.fundingSource, q.fundingSource) : undefined,
            q.homeOrganisation ? eq(secondments.homeOrganisationName, q.homeOrganisation) : undefined,
          ),
        )
        .orderBy(...pages.orderBy)
        .limit(pages.fetch(q.limit));
      const page = pages.page(rows, q.limit);
      return {
        items: await viewsOf(
          db,
          page.items.map((r) => r.secondment),
        ),
        nextCursor: page.nextCursor,
      };
    },

    async get(caller: Caller, id: string): Promise<SecondmentView> {
      read(caller);
      assertUuid(id);
      const [view] = await viewsOf(db, [await find(db, id)]);
      if (!view) throw new AppError("NOT_FOUND");
      return view;
    },

    async create(caller: Caller, input: SecondmentInput | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manage(caller),
        input: { schema: secondmentInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<SecondmentView> => {
          const { substitutes, fte, ...fields } = data;
          const merged = { ...fields, fteHundredths: toHundredths(fte) ?? 0 };
          await check(tx, caller.locale, merged, null);
          const [row] = await tx
            .insert(secondments)
            .values({
              ...merged,
              salaryCents: BigInt(merged.salaryCents),
              sideCostsCents: BigInt(merged.sideCostsCents),
              createdBy: caller.actor?.id ?? null,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await writeSubstitutes(tx, row.id, substitutes);
          await audit(
            "secondment.create",
            { type: "secondment", id: row.id },
            { fundingSource: row.fundingSource, sharePercent: row.sharePercent, fteHundredths: row.fteHundredths },
          );
          const [view] = await viewsOf(tx, [row]);
          if (!view) throw new AppError("INTERNAL");
          return view;
        },
      });
    },

    /** A change; the merged secondment is checked as a new one would be (the person's shares too). */
    async update(caller: Caller, id: string, input: SecondmentPatch | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(id);
        },
        input: { schema: secondmentPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<SecondmentView> => {
          const before = await find(tx, id);
          const { substitutes, fte, ...change } = definedOf(data);
          const merged: Merged = {
            personName: change.personName ?? before.personName,
            personId: change.personId !== undefined ? change.personId : before.personId,
            title: change.title ?? before.title,
            homeOrganisationName: change.homeOrganisationName ?? before.homeOrganisationName,
            homeOrganisationId:
              change.homeOrganisationId !== undefined ? change.homeOrganisationId : before.homeOrganisationId,
            legalForm: change.legalForm ?? before.legalForm,
            sharePercent: change.sharePercent ?? before.sharePercent,
            fteHundredths: fte !== undefined ? (toHundredths(fte) ?? 0) : before.fteHundredths,
            startDate: change.startDate ?? before.startDate,
            agreedEndDate: change.agreedEndDate ?? before.agreedEndDate,
            plannedReturnDate:
              change.plannedReturnDate !== undefined ? change.plannedReturnDate : before.plannedReturnDate,
            salaryCents: change.salaryCents ?? Number(before.salaryCents),
            sideCostsCents: change.sideCostsCents ?? Number(before.sideCostsCents),
            fundingSource: change.fundingSource ?? before.fundingSource,
            grantEligible: change.grantEligible ?? before.grantEligible,
            contractId: change.contractId !== undefined ? change.contractId : before.contractId,
            note: change.note ?? before.note,
          };
          await check(tx, caller.locale, merged, id);
          const [row] = await tx
            .update(secondments)
            .set({
              ...merged,
              salaryCents: BigInt(merged.salaryCents),
              sideCostsCents: BigInt(merged.sideCostsCents),
              updatedAt: new Date(),
            })
            .where(eq(secondments.id, id))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          if (substitutes) await writeSubstitutes(tx, id, substitutes);
          await audit("secondment.update", { type: "secondment", id }, { changed: Object.keys(definedOf(data)) });
          const [view] = await viewsOf(tx, [row]);
          if (!view) throw new AppError("INTERNAL");
          return view;
        },
      });
    },

    /** People, FTE and monthly costs by home organisation and by funding source (on a day, or all). */
    async totals(caller: Caller, query: unknown = {}): Promise<SecondmentTotals> {
      read(caller);
      const q = parseInput(secondmentTotalsInput, query, caller.locale);
      return totalsOf(await all(), q.on ?? null);
    },

    /** Who returns home in which month, with the substitution chains that end with them. */
    async returnSchedule(caller: Caller, query: unknown = {}): Promise<MonthlyReturns[]> {
      read(caller);
      const q = parseInput(returnScheduleInput, query, caller.locale);
      return returnScheduleOf(await all(), { from: q.from ?? null, to: q.to ?? null, today: today() });
    },
  };
}

export type SecondmentService = ReturnType<typeof createSecondmentService>;
