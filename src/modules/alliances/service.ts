import { and, asc, eq, exists, or } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { formatPlainDate } from "../../core/dates.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { add, type Money, money, zero } from "../../core/money.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { databaseErrorCode, rethrowUniqueViolation } from "../../db/errors.ts";
import { users } from "../accounts/schema.ts";
import { organisations } from "../people/schema.ts";
import {
  type AllianceRow,
  allowIn,
  findAlliance,
  issue,
  type MemberRow,
  membershipOf,
  type PartyRow,
  partiesOf,
  partyIn,
  yearsOf,
} from "./access.ts";
import { alliancesAudit } from "./audit.ts";
import { decodeBigints } from "./codec.ts";
import type { ContributionKind } from "./constants.ts";
import { changedGate, keepGateDecisions } from "./gates.ts";
import {
  type AllianceInput,
  type AlliancePatch,
  allianceInput,
  alliancePatch,
  type ContributionInput,
  contributionInput,
  type MemberInput,
  memberInput,
  type PartiesInput,
  partiesInput,
} from "./inputs.ts";
import { type AllianceMembership, alliancesPolicy, allowsInAlliance } from "./policy.ts";
import { allianceContributions, allianceMembers, allianceParties, allianceSettlements, alliances } from "./schema.ts";

export type ContributionRow = typeof allianceContributions.$inferSelect;

export interface MemberView extends MemberRow {
  name: string;
}

/** An alliance as its members see it. */
export interface AllianceView {
  alliance: AllianceRow;
  parties: PartyRow[];
  members: MemberView[];
  membership: AllianceMembership;
  canManage: boolean;
  canEditBooks: boolean;
  canEditModel: boolean;
}

/** What the public sees of a published alliance: the approved settlements' results only. */
export interface PublishedAllianceView {
  alliance: AllianceRow;
  parties: PartyRow[];
  results: { year: number; final: boolean; version: number; result: Record<string, unknown> }[];
}

/** A party's contributions in a year, and the alliance's, summed. */
export interface ContributionSummary {
  partyId: string | null;
  year: number | null;
  money: Money;
  /** The value of what was brought in kind (staff, competence, premises, services), where valued. */
  inKind: Money;
  /** FTE as a decimal string. */
  fte: string;
  people: number;
}

export const alliancesPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
export type AlliancesPageQuery = z.input<typeof alliancesPageInput>;

const alliancePages = keyset({
  list: "alliances",
  key: alliances.name,
  keyType: "text",
  id: alliances.id,
  idType: "uuid",
  order: "asc",
});

const isForeignKeyViolation = (error: unknown) => databaseErrorCode(error) === "23503";

/** "1.5" FTE in hundredths and back; no floats. */
const fteHundredths = (text: string | null): bigint => {
  if (!text) return 0n;
  const [whole, fraction = ""] = text.split(".");
  return BigInt(whole ?? "0") * 100n + BigInt(fraction.padEnd(2, "0"));
};
const fteText = (h: bigint) => {
  const fraction = (h % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return `${h / 100n}${fraction ? `.${fraction}` : ""}`;
};

export function summarise(rows: readonly ContributionRow[], currency: Money["currency"]): ContributionSummary[] {
  const groups = new Map<string, ContributionSummary & { fteH: bigint }>();
  const into = (partyId: string | null, year: number | null, row: ContributionRow) => {
    const key = `${partyId}|${year}`;
    const s = groups.get(key) ?? {
      partyId,
      year,
      money: zero(currency),
      inKind: zero(currency),
      fte: "0",
      fteH: 0n,
      people: 0,
    };
    const amount = money(row.amountCents ?? 0n, currency);
    if (row.kind === ("money" satisfies ContributionKind)) s.money = add(s.money, amount);
    else s.inKind = add(s.inKind, amount);
    s.fteH += fteHundredths(row.fte);
    s.people += row.people.length;
    s.fte = fteText(s.fteH);
    groups.set(key, s);
  };
  for (const row of rows) {
    into(row.partyId, row.year, row);
    into(row.partyId, null, row);
    into(null, row.year, row);
    into(null, null, row);
  }
  return [...groups.values()]
    .map(({ fteH: _, ...s }) => s)
    .sort(
      (a, b) =>
        (a.partyId ?? "~").localeCompare(b.partyId ?? "~") ||
        (a.year ?? Number.MAX_VALUE) - (b.year ?? Number.MAX_VALUE),
    );
}

/** Alliances, their parties, members and contributions. */
export function createAllianceService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(alliancesAudit);

  async function membersOf(from: Db | Tx, allianceId: string): Promise<MemberView[]> {
    const rows = await from
      .select({ member: allianceMembers, name: users.name })
      .from(allianceMembers)
      .innerJoin(users, eq(users.id, allianceMembers.personId))
      .where(eq(allianceMembers.allianceId, allianceId))
      .orderBy(asc(users.name), asc(users.id));
    return rows.map((r) => ({ ...r.member, name: r.name }));
  }

  async function viewOf(from: Db | Tx, caller: Caller, alliance: AllianceRow): Promise<AllianceView> {
    const membership = await membershipOf(from, alliance.id, caller);
    return {
      alliance,
      parties: await partiesOf(from, alliance.id),
      members: await membersOf(from, alliance.id),
      membership,
      canManage: allowsInAlliance("manageAlliance", membership, caller.actor),
      canEditBooks: allowsInAlliance("editBooks", membership, caller.actor),
      canEditModel: allowsInAlliance("editModel", membership, caller.actor),
    };
  }

  async function checkOrganisations(tx: Tx, caller: Caller, parties: readonly { organisationId: string | null }[]) {
    for (const [i, p] of parties.entries()) {
      if (!p.organisationId) continue;
      const [row] = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, p.organisationId));
      if (!row) throw issue(caller.locale, `parties.${i}.organisationId`, "alliances.party.organisationNotFound");
    }
  }

  /** Replaces the party set: stored ids are kept and updated, new ones added, the missing removed (if unused). */
  async function writeParties(
    tx: Tx,
    caller: Caller,
    allianceId: string,
    parties: z.output<typeof partiesInput>["parties"],
  ) {
    await checkOrganisations(tx, caller, parties);
    const stored = await partiesOf(tx, allianceId);
    const storedIds = new Set(stored.map((p) => p.id));
    for (const [i, p] of parties.entries())
      if (p.id && !storedIds.has(p.id)) throw issue(caller.locale, `parties.${i}.id`, "alliances.party.notInAlliance");
    const kept = new Set(parties.flatMap((p) => (p.id ? [p.id] : [])));
    for (const gone of stored.filter((p) => !kept.has(p.id))) {
      try {
        await tx.delete(allianceParties).where(eq(allianceParties.id, gone.id));
      } catch (error) {
        if (isForeignKeyViolation(error))
          throw issue(caller.locale, "parties", "alliances.party.inUse", { name: gone.name });
        throw error;
      }
    }
    for (const [position, p] of parties.entries()) {
      const values = {
        name: p.name,
        businessId: p.businessId,
        organisationId: p.organisationId,
        side: p.side,
        role: p.role,
        shareBasisPoints: p.shareBasisPoints,
        position,
      };
      // Two stored parties trading business IDs clash on the unique index midway: the same refusal as a duplicate.
      await rethrowUniqueViolation(
        async () => {
          if (p.id) await tx.update(allianceParties).set(values).where(eq(allianceParties.id, p.id));
          else await tx.insert(allianceParties).values({ ...values, allianceId });
        },
        () => issue(caller.locale, `parties.${position}.businessId`, "alliances.party.businessIdTwice"),
      );
    }
  }

  return {
    /** Published alliances and the caller's own, by name. */
    async list(caller: Caller, query: AlliancesPageQuery | unknown = {}): Promise<Page<AllianceRow>> {
      authorize(alliancesPolicy, "listAlliances", caller.actor);
      const q = parseInput(alliancesPageInput, query, caller.locale);
      const cursor = alliancePages.decode(q.cursor, caller.locale);
      const own = exists(
        db
          .select({ one: allianceMembers.personId })
          .from(allianceMembers)
          .where(
            and(eq(allianceMembers.allianceId, alliances.id), eq(allianceMembers.personId, caller.actor?.id ?? "")),
          ),
      );
      const rows = await db
        .select(alliancePages.columns({ alliance: alliances }))
        .from(alliances)
        .where(and(or(eq(alliances.published, true), own), alliancePages.after(cursor)))
        .orderBy(...alliancePages.orderBy)
        .limit(alliancePages.fetch(q.limit));
      const page = alliancePages.page(rows, q.limit);
      return { items: page.items.map((r) => r.alliance), nextCursor: page.nextCursor };
    },

    /** A published alliance as the public sees it; an unpublished one is not found. */
    async getPublished(caller: Caller, id: string): Promise<PublishedAllianceView> {
      authorize(alliancesPolicy, "readPublished", caller.actor);
      assertUuid(id);
      const alliance = await findAlliance(db, id);
      if (!alliance.published) throw new AppError("NOT_FOUND");
      const approved = await db
        .select()
        .from(allianceSettlements)
        .where(and(eq(allianceSettlements.allianceId, id), eq(allianceSettlements.status, "approved")))
        .orderBy(asc(allianceSettlements.year), asc(allianceSettlements.version));
      // The latest approved version of each year.
      const byYear = new Map(approved.map((s) => [s.year, s]));
      return {
        alliance,
        parties: await partiesOf(db, id),
        results: [...byYear.values()].map((s) => ({
          year: s.year,
          final: s.final,
          version: s.version,
          result: decodeBigints<Record<string, unknown>>(s.result),
        })),
      };
    },

    async get(caller: Caller, id: string, options: { within?: WriteUnit } = {}): Promise<AllianceView> {
      const from = options.within?.tx ?? db;
      const { alliance } = await allowIn(from, caller, id, "readAlliance");
      return viewOf(from, caller, alliance);
    },

    /** A new alliance with its parties; the founder is its first manager. */
    async create(caller: Caller, input: AllianceInput, options: { within?: WriteUnit } = {}): Promise<AllianceView> {
      return write({
        caller,
        allow: () => authorize(alliancesPolicy, "createAlliances", caller.actor),
        input: { schema: allianceInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const { parties, ...fields } = data;
          const changed = changedGate([], fields.phases);
          if (changed >= 0) throw issue(caller.locale, `phases.${changed}.gate`, "alliances.phase.gateByDecision");
          const [row] = await tx
            .insert(alliances)
            .values({ ...fields, createdBy: caller.actor?.id ?? null })
            .returning();
          if (!row) throw new Error("insert returned no row");
          await writeParties(tx, caller, row.id, parties);
          await tx
            .insert(allianceMembers)
            .values({ allianceId: row.id, personId: caller.actor?.id ?? "", manager: true });
          await audit("alliance.create", { type: "alliance", id: row.id }, { name: row.name, parties: parties.length });
          return viewOf(tx, caller, row);
        },
      });
    },

    async update(caller: Caller, id: string, patch: AlliancePatch): Promise<AllianceView> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, id, "manageAlliance");
        },
        input: { schema: alliancePatch, value: patch },
        run: async ({ tx, data, audit }) => {
          const stored = await findAlliance(tx, id);
          if (data.phases) {
            const changed = changedGate(stored.phases, data.phases);
            if (changed >= 0) throw issue(caller.locale, `phases.${changed}.gate`, "alliances.phase.gateByDecision");
            data.phases = keepGateDecisions(stored.phases, data.phases);
          }
          const merged = { ...stored, ...Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) };
          if (merged.endDate < merged.startDate)
            throw issue(caller.locale, "endDate", "alliances.alliance.endBeforeStart");
          for (const [i, phase] of merged.phases.entries())
            if (phase.start < merged.startDate || phase.end > merged.endDate)
              throw issue(caller.locale, `phases.${i}.start`, "alliances.phase.outsideAlliance");
          const [row] = await tx
            .update(alliances)
            .set({ ...data, updatedAt: new Date() })
            .where(eq(alliances.id, id))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("alliance.update", { type: "alliance", id }, { fields: Object.keys(data) });
          return viewOf(tx, caller, row);
        },
      });
    },

    /** The whole party set: owners' shares and providers' shares must each add up to 100 %. */
    async setParties(caller: Caller, id: string, input: PartiesInput): Promise<PartyRow[]> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, id, "manageAlliance");
        },
        input: { schema: partiesInput, value: input },
        run: async ({ tx, data, audit }) => {
          await writeParties(tx, caller, id, data.parties);
          await audit("party.set", { type: "alliance", id }, { count: data.parties.length });
          return partiesOf(tx, id);
        },
      });
    },

    /** Adds or changes a member: the party they represent, whether they manage the alliance or sit on its board. */
    async setMember(caller: Caller, id: string, input: MemberInput): Promise<MemberView[]> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, id, "manageAlliance");
        },
        input: { schema: memberInput, value: input },
        run: async ({ tx, data, audit }) => {
          const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, data.personId));
          if (!person) throw issue(caller.locale, "personId", "alliances.member.personNotFound");
          if (data.partyId) await partyIn(tx, caller.locale, id, data.partyId);
          if (!data.manager && !data.partyId) throw issue(caller.locale, "partyId", "alliances.member.partyRequired");
          if (!data.manager) await keepAManager(tx, caller, id, data.personId);
          const values = { partyId: data.partyId, manager: data.manager, board: data.board };
          await tx
            .insert(allianceMembers)
            .values({ allianceId: id, personId: data.personId, ...values })
            .onConflictDoUpdate({ target: [allianceMembers.allianceId, allianceMembers.personId], set: values });
          await audit("member.set", { type: "alliance", id }, { personId: data.personId, ...values });
          return membersOf(tx, id);
        },
      });
    },

    async removeMember(caller: Caller, id: string, personId: string): Promise<void> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, id, "manageAlliance");
        },
        run: async ({ tx, audit }) => {
          await keepAManager(tx, caller, id, personId);
          const removed = await tx
            .delete(allianceMembers)
            .where(and(eq(allianceMembers.allianceId, id), eq(allianceMembers.personId, personId)))
            .returning();
          if (removed.length === 0) throw new AppError("NOT_FOUND");
          await audit("member.remove", { type: "alliance", id }, { personId });
        },
      });
    },

    async listContributions(
      caller: Caller,
      id: string,
    ): Promise<{ contributions: ContributionRow[]; summary: ContributionSummary[]; currency: Money["currency"] }> {
      const { alliance } = await allowIn(db, caller, id, "readAlliance");
      const rows = await db
        .select()
        .from(allianceContributions)
        .where(eq(allianceContributions.allianceId, id))
        .orderBy(asc(allianceContributions.year), asc(allianceContributions.createdAt), asc(allianceContributions.id));
      return { contributions: rows, summary: summarise(rows, alliance.currency), currency: alliance.currency };
    },

    async addContribution(caller: Caller, id: string, input: ContributionInput): Promise<ContributionRow> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, id, "manageAlliance");
        },
        input: { schema: contributionInput, value: input },
        run: async ({ tx, data, audit }) => {
          const alliance = await findAlliance(tx, id);
          await partyIn(tx, caller.locale, id, data.partyId);
          checkYear(caller, alliance, data.year);
          if (data.amount && data.amount.currency !== alliance.currency)
            throw issue(caller.locale, "amount", "alliances.amount.currency", { currency: alliance.currency });
          const [row] = await tx
            .insert(allianceContributions)
            .values({
              allianceId: id,
              partyId: data.partyId,
              year: data.year,
              kind: data.kind,
              description: data.description,
              amountCents: data.amount?.cents ?? null,
              fte: data.fte,
              people: data.people,
            })
            .returning();
          if (!row) throw new Error("insert returned no row");
          await audit("contribution.create", { type: "allianceContribution", id: row.id }, { allianceId: id });
          return row;
        },
      });
    },

    async removeContribution(caller: Caller, contributionId: string): Promise<void> {
      assertUuid(contributionId);
      const [row] = await db
        .select({ allianceId: allianceContributions.allianceId })
        .from(allianceContributions)
        .where(eq(allianceContributions.id, contributionId));
      return write({
        caller,
        allow: async () => {
          if (!row) throw new AppError(caller.actor ? "NOT_FOUND" : "UNAUTHENTICATED");
          await allowIn(db, caller, row.allianceId, "manageAlliance");
        },
        run: async ({ tx, audit }) => {
          await tx.delete(allianceContributions).where(eq(allianceContributions.id, contributionId));
          await audit("contribution.delete", { type: "allianceContribution", id: contributionId });
        },
      });
    },
  };

  /** Leaves the alliance with at least one manager besides `personId`, or refuses. */
  async function keepAManager(tx: Tx, caller: Caller, allianceId: string, personId: string) {
    const managers = await tx
      .select({ personId: allianceMembers.personId })
      .from(allianceMembers)
      .where(and(eq(allianceMembers.allianceId, allianceId), eq(allianceMembers.manager, true)));
    if (managers.length > 0 && managers.every((m) => m.personId === personId))
      throw issue(caller.locale, "manager", "alliances.member.lastManager");
  }
}

/** A year the alliance runs through, or a field error. */
export function checkYear(caller: Caller, alliance: AllianceRow, year: number, path = "year") {
  if (!yearsOf(alliance).includes(year))
    throw issue(caller.locale, path, "alliances.year.outsideAlliance", {
      start: formatPlainDate(caller.locale, alliance.startDate),
      end: formatPlainDate(caller.locale, alliance.endDate),
    });
}

export type AllianceService = ReturnType<typeof createAllianceService>;
