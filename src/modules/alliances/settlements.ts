import { and, asc, desc, eq, gte, lte } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { type Money, money } from "../../core/money.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { rethrowUniqueViolation } from "../../db/errors.ts";
import { users } from "../accounts/schema.ts";
import { allowIn, findAlliance, issue, partiesOf, yearsOf } from "./access.ts";
import { alliancesAudit } from "./audit.ts";
import { decodeBigints, encodeBigints } from "./codec.ts";
import { type IncentiveModel, type IncentiveModelInput, incentiveModelSchema } from "./incentive/model.ts";
import {
  type CostEntryInput,
  SettlementInputError,
  type SettlementTotals,
  settleYears,
  type YearInput,
  type YearSettlement,
} from "./incentive/settle.ts";
import { type ApprovalInput, approvalInput, type SettlementInput, settlementInput } from "./inputs.ts";
import { allianceCostEntries, allianceDecisions, allianceModels, allianceSettlements } from "./schema.ts";

export type ModelRow = typeof allianceModels.$inferSelect;
export type SettlementRow = typeof allianceSettlements.$inferSelect;

export interface ModelView {
  row: ModelRow;
  model: IncentiveModel;
  /** Who saved the version (null once their account is gone). */
  createdByName: string | null;
}

export interface SettlementResult {
  years: YearSettlement[];
  totals: SettlementTotals;
}

/** The figures a correction is compared on. */
export const comparedFigures = [
  "target",
  "actual",
  "difference",
  "incentive",
  "kraPayout",
  "ownersPayment",
  "carriedOut",
] as const;
export type ComparedFigure = (typeof comparedFigures)[number];

export interface SettlementView {
  row: SettlementRow;
  result: SettlementResult;
  /** The version this one corrects (the previous one of the same year), and how each figure changed. */
  previous: { id: string; version: number; status: SettlementRow["status"] } | null;
  changes: { figure: ComparedFigure; before: Money; after: Money; change: Money }[];
  /** Party ids → names, for the steps' sentences. */
  names: Record<string, string>;
}

/** The model in its stored JSON form: amounts as whole cents. */
function modelJson(model: IncentiveModel): Record<string, unknown> {
  return JSON.parse(
    JSON.stringify(model, (_key, v) => {
      if (v && typeof v === "object" && typeof v.cents === "bigint" && typeof v.currency === "string")
        return Number(v.cents);
      return v;
    }),
  );
}

/** The alliance's incentive model versions, and the settlements worked out from the open books with them. */
export function createSettlementService({ db, writes = createWritePath(db) }: { db: Db; writes?: WritePath }) {
  const write = writes(alliancesAudit);

  const viewOfModel = (row: ModelRow, createdByName: string | null = null): ModelView => ({
    row,
    model: incentiveModelSchema.parse(row.model),
    createdByName,
  });

  async function latestModel(from: Db | Tx, allianceId: string): Promise<ModelRow | undefined> {
    const [row] = await from
      .select()
      .from(allianceModels)
      .where(eq(allianceModels.allianceId, allianceId))
      .orderBy(desc(allianceModels.version))
      .limit(1);
    return row;
  }

  async function viewOfSettlement(from: Db | Tx, row: SettlementRow): Promise<SettlementView> {
    const result = decodeBigints<SettlementResult>(row.result);
    const [previous] = await from
      .select()
      .from(allianceSettlements)
      .where(
        and(
          eq(allianceSettlements.allianceId, row.allianceId),
          eq(allianceSettlements.year, row.year),
          lte(allianceSettlements.version, row.version - 1),
        ),
      )
      .orderBy(desc(allianceSettlements.version))
      .limit(1);
    const yearOf = (r: SettlementResult) => r.years.at(-1);
    const before = previous ? yearOf(decodeBigints<SettlementResult>(previous.result)) : undefined;
    const after = yearOf(result);
    const changes =
      before && after
        ? comparedFigures.map((figure) => ({
            figure,
            before: before[figure],
            after: after[figure],
            change: money(after[figure].cents - before[figure].cents, after[figure].currency),
          }))
        : [];
    const parties = await partiesOf(from, row.allianceId);
    return {
      row,
      result,
      previous: previous ? { id: previous.id, version: previous.version, status: previous.status } : null,
      changes,
      names: Object.fromEntries(parties.map((p) => [p.id, p.name])),
    };
  }

  async function findSettlement(from: Db | Tx, caller: Caller, id: string): Promise<SettlementRow> {
    assertUuid(id);
    const [row] = await from.select().from(allianceSettlements).where(eq(allianceSettlements.id, id));
    if (!row) throw new AppError(caller.actor ? "NOT_FOUND" : "UNAUTHENTICATED");
    return row;
  }

  /** The books of the model's years up to `year`, as the engine takes them. */
  async function yearInputs(
    from: Db | Tx,
    allianceId: string,
    model: IncentiveModel,
    year: number,
    kraResults: Record<string, YearInput["kra"]>,
  ): Promise<Omit<YearInput, "carriedIn">[]> {
    const years = model.years.map((y) => y.year).filter((y) => y <= year);
    const first = years[0] ?? year;
    const rows = await from
      .select()
      .from(allianceCostEntries)
      .where(
        and(
          eq(allianceCostEntries.allianceId, allianceId),
          gte(allianceCostEntries.bookedOn, `${first}-01-01`),
          lte(allianceCostEntries.bookedOn, `${year}-12-31`),
        ),
      )
      .orderBy(asc(allianceCostEntries.bookedOn), asc(allianceCostEntries.id));
    return years.map((y) => ({
      year: y,
      costs: rows
        .filter((r) => r.bookedOn.startsWith(`${y}-`))
        .map(
          (r): CostEntryInput => ({
            id: r.id,
            amount: money(r.amountCents, model.years[0]?.baseTarget.currency),
            category: r.category,
            countsTowardTarget: r.countsTowardTarget,
          }),
        ),
      kra: kraResults[String(y)],
    }));
  }

  return {
    async listModels(caller: Caller, allianceId: string): Promise<ModelView[]> {
      await allowIn(db, caller, allianceId, "readAlliance");
      const rows = await db
        .select({ row: allianceModels, name: users.name })
        .from(allianceModels)
        .leftJoin(users, eq(users.id, allianceModels.createdBy))
        .where(eq(allianceModels.allianceId, allianceId))
        .orderBy(asc(allianceModels.version));
      return rows.map((r) => viewOfModel(r.row, r.name));
    },

    /**
     * A new version of the model. `version` must be the next one (a stale form is refused naming it); its years
     * are the alliance's, its provider shares name providers and its owner shares owners of the alliance.
     */
    async createModel(caller: Caller, allianceId: string, input: IncentiveModelInput): Promise<ModelView> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, allianceId, "editModel");
        },
        input: { schema: incentiveModelSchema, value: input },
        run: async ({ tx, data, audit }) => {
          const alliance = await findAlliance(tx, allianceId);
          const next = ((await latestModel(tx, allianceId))?.version ?? 0) + 1;
          if (data.version !== next)
            throw issue(caller.locale, "version", "alliances.modelVersion.next", { version: next });
          const years = yearsOf(alliance);
          for (const [i, y] of data.years.entries()) {
            if (!years.includes(y.year))
              throw issue(caller.locale, `years.${i}.year`, "alliances.year.outsideAlliance");
            if (y.baseTarget.currency !== alliance.currency)
              throw issue(caller.locale, `years.${i}.baseTarget`, "alliances.amount.currency", {
                currency: alliance.currency,
              });
          }
          const parties = new Map((await partiesOf(tx, allianceId)).map((p) => [p.id, p]));
          for (const [field, side] of [
            ["providerShares", "provider"],
            ["ownerShares", "owner"],
          ] as const)
            for (const [i, share] of data[field].entries())
              if (parties.get(share.partyId)?.side !== side)
                throw issue(
                  caller.locale,
                  `${field}.${i}.partyId`,
                  side === "provider" ? "alliances.party.notProvider" : "alliances.party.notOwner",
                );
          const [row] = await rethrowUniqueViolation(
            () =>
              tx
                .insert(allianceModels)
                .values({
                  allianceId,
                  version: data.version,
                  validFrom: data.validFrom,
                  model: modelJson(data),
                  createdBy: caller.actor?.id ?? null,
                })
                .returning(),
            // Another manager saved this version meanwhile.
            () => issue(caller.locale, "version", "alliances.modelVersion.next", { version: next + 1 }),
          );
          if (!row) throw new Error("insert returned no row");
          await audit("model.create", { type: "allianceModel", id: row.id }, { allianceId, version: row.version });
          return viewOfModel(row, caller.actor?.name ?? null);
        },
      });
    },

    async list(caller: Caller, allianceId: string): Promise<SettlementRow[]> {
      await allowIn(db, caller, allianceId, "readAlliance");
      return db
        .select()
        .from(allianceSettlements)
        .where(eq(allianceSettlements.allianceId, allianceId))
        .orderBy(asc(allianceSettlements.year), asc(allianceSettlements.version));
    },

    async get(caller: Caller, id: string): Promise<SettlementView> {
      const row = await findSettlement(db, caller, id);
      await allowIn(db, caller, row.allianceId, "readAlliance");
      return viewOfSettlement(db, row);
    },

    /**
     * Works out the year's settlement from the books with the newest model: every model year up to it (carry-over
     * passed on), stored with its steps as a new version (interim; final for the model's last year).
     */
    async calculate(caller: Caller, allianceId: string, input: SettlementInput): Promise<SettlementView> {
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, allianceId, "editModel");
        },
        input: { schema: settlementInput, value: input },
        run: async ({ tx, data, audit }) => {
          const modelRow = await latestModel(tx, allianceId);
          if (!modelRow) throw issue(caller.locale, "year", "alliances.settlement.noModel");
          const { model } = viewOfModel(modelRow);
          if (!model.years.some((y) => y.year === data.year))
            throw issue(caller.locale, "year", "alliances.settle.yearNotInModel");
          const inputs = await yearInputs(tx, allianceId, model, data.year, data.kraResults);
          let result: SettlementResult | undefined;
          for (let n = 1; n <= inputs.length; n++) {
            try {
              result = settleYears(model, inputs.slice(0, n));
            } catch (error) {
              if (!(error instanceof SettlementInputError)) throw error;
              const path = error.path.startsWith("kra.")
                ? `kraResults.${inputs[n - 1]?.year}.${error.path.slice(4)}`
                : "year";
              throw issue(caller.locale, path, error.key);
            }
          }
          if (!result) throw issue(caller.locale, "year", "alliances.settle.yearNotInModel");
          const [latest] = await tx
            .select({ version: allianceSettlements.version })
            .from(allianceSettlements)
            .where(and(eq(allianceSettlements.allianceId, allianceId), eq(allianceSettlements.year, data.year)))
            .orderBy(desc(allianceSettlements.version))
            .limit(1);
          const [row] = await rethrowUniqueViolation(
            () =>
              tx
                .insert(allianceSettlements)
                .values({
                  allianceId,
                  year: data.year,
                  version: (latest?.version ?? 0) + 1,
                  final: result.totals.kind === "final",
                  modelId: modelRow.id,
                  kraResults: data.kraResults,
                  result: encodeBigints(result) as Record<string, unknown>,
                  note: data.note,
                  createdBy: caller.actor?.id ?? null,
                })
                .returning(),
            // Worked out twice at once: the second is refused rather than numbered the same.
            () => new AppError("CONFLICT"),
          );
          if (!row) throw new Error("insert returned no row");
          await audit(
            "settlement.create",
            { type: "allianceSettlement", id: row.id },
            { allianceId, year: row.year, version: row.version, modelVersion: modelRow.version },
          );
          return viewOfSettlement(tx, row);
        },
      });
    },

    /**
     * The board's approval, by a decision it made: freezes the settlement (nothing changes it afterwards; a
     * correction is a new version). Only the newest version of a year, and only once.
     */
    async approve(caller: Caller, id: string, input: ApprovalInput): Promise<SettlementView> {
      const row = await findSettlement(db, caller, id);
      return write({
        caller,
        allow: async () => {
          await allowIn(db, caller, row.allianceId, "editModel");
        },
        input: { schema: approvalInput, value: input },
        run: async ({ tx, data, audit }) => {
          const [decision] = await tx
            .select()
            .from(allianceDecisions)
            .where(and(eq(allianceDecisions.id, data.decisionId), eq(allianceDecisions.allianceId, row.allianceId)));
          if (!decision) throw issue(caller.locale, "decisionId", "alliances.settlement.decisionNotFound");
          if (!decision.made) throw issue(caller.locale, "decisionId", "alliances.settlement.decisionNotMade");
          const [newest] = await tx
            .select({ id: allianceSettlements.id })
            .from(allianceSettlements)
            .where(and(eq(allianceSettlements.allianceId, row.allianceId), eq(allianceSettlements.year, row.year)))
            .orderBy(desc(allianceSettlements.version))
            .limit(1);
          if (newest?.id !== id) throw issue(caller.locale, "id", "alliances.settlement.notNewest");
          // Only a draft moves: the status in the condition makes a second approval (or a race) change nothing.
          const [approved] = await tx
            .update(allianceSettlements)
            .set({
              status: "approved",
              approvedAt: new Date(),
              approvedBy: caller.actor?.id ?? null,
              decisionId: decision.id,
            })
            .where(and(eq(allianceSettlements.id, id), eq(allianceSettlements.status, "draft")))
            .returning();
          if (!approved) throw issue(caller.locale, "id", "alliances.settlement.frozen");
          await audit(
            "settlement.approve",
            { type: "allianceSettlement", id },
            { allianceId: row.allianceId, decisionId: decision.id },
          );
          return viewOfSettlement(tx, approved);
        },
      });
    },
  };
}

export type SettlementService = ReturnType<typeof createSettlementService>;
