import { and, asc, eq, inArray, max, min, ne } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Caller } from "../../core/caller.ts";
import { formatPlainDate } from "../../core/dates.ts";
import { AppError, type FieldIssue } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { users } from "../accounts/schema.ts";
import { findGroup, membershipOf } from "../groups/access.ts";
import type { Membership } from "../groups/policy.ts";
import { workingGroups } from "../groups/schema.ts";
import { walls } from "../walls/schema.ts";
import { strategyAudit } from "./audit.ts";
import { goalCategories, isPublished, publishedStatuses } from "./constants.ts";
import {
  type GoalInput,
  type GoalPatch,
  goalInput,
  goalPatch,
  type IndicatorInput,
  type IndicatorPatch,
  indicatorInput,
  indicatorPatch,
  type MeasurementInput,
  type MeasurementPatch,
  measurementInput,
  measurementPatch,
  type StrategyInput,
  type StrategyPatch,
  strategyInput,
  strategyPatch,
} from "./inputs.ts";
import { type CategoryOverview, overviewOf } from "./overview.ts";
import { canEnterMeasurements, canManageStrategies, canReadStrategy, strategyPolicy } from "./policy.ts";
import { strategies, strategyGoals, strategyIndicators, strategyMeasurements } from "./schema.ts";
import { dayNumber, type IndicatorStatusResult, indicatorStatus, type PathPoint, targetPath } from "./status.ts";

export type StrategyRow = typeof strategies.$inferSelect;
export type GoalRow = typeof strategyGoals.$inferSelect;
export type IndicatorRow = typeof strategyIndicators.$inferSelect;
export type MeasurementRow = typeof strategyMeasurements.$inferSelect;

export interface MeasurementView {
  id: string;
  indicatorId: string;
  /** "YYYY-MM-DD". */
  date: string;
  /** A canonical decimal string. */
  value: string;
  source: string;
  note: string;
  enteredBy: { id: string; name: string } | null;
  enteredAt: Date;
  updatedAt: Date;
}

export type Responsible =
  | { kind: "group"; id: string; name: string; slug: string }
  | { kind: "person"; id: string; name: string }
  | null;

export interface IndicatorView {
  indicator: IndicatorRow;
  /** The target path's points: baseline, intermediate targets, target (status.ts). */
  path: PathPoint[];
  status: IndicatorStatusResult;
  /** In date order. */
  measurements: MeasurementView[];
}

export interface GoalView {
  goal: GoalRow;
  responsible: Responsible;
  /** The goal's consultation wall (the walls module), once a consultation made it. */
  wall: { id: string; slug: string; closed: boolean } | null;
  /** Whether the caller may enter and correct this goal's indicators' measurements. */
  canEnterMeasurements: boolean;
  indicators: IndicatorView[];
}

export interface StrategyDetail {
  strategy: StrategyRow;
  /** By category in the act's order, then by position. */
  goals: GoalView[];
  overview: CategoryOverview[];
  canManage: boolean;
}

/** `?cursor=&limit=` of the strategies list. */
export const strategiesPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
export type StrategiesPageQuery = z.input<typeof strategiesPageInput>;

/** Newest period first; strategies starting the same year in a stable order by id. */
const strategyPages = keyset({
  list: "strategies",
  key: strategies.startYear,
  keyType: "integer",
  id: strategies.id,
  idType: "uuid",
  order: "desc",
});

const refused = (actor: Actor | null) => new AppError(actor ? "FORBIDDEN" : "UNAUTHENTICATED");
const invalid = (issues: FieldIssue[]) => new AppError("VALIDATION_FAILED", issues);

/** The first and last day of a strategy's period. */
export const periodOf = (s: { startYear: number; endYear: number }) => ({
  first: `${String(s.startYear).padStart(4, "0")}-01-01`,
  last: `${String(s.endYear).padStart(4, "0")}-12-31`,
});

/** An indicator's cross-field rules: the target after the baseline, intermediate targets between them. */
export function indicatorIssues(
  i: { baselineDate: string; targetDate: string; intermediateTargets: Record<string, string> },
  locale: Locale,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (i.targetDate <= i.baselineDate)
    issues.push({
      path: "targetDate",
      message: translate(locale, "strategy.indicator.targetBeforeBaseline", {
        date: formatPlainDate(locale, i.baselineDate),
      }),
    });
  for (const year of Object.keys(i.intermediateTargets).sort()) {
    const day = dayNumber(`${year}-12-31`);
    if (day <= dayNumber(i.baselineDate) || day >= dayNumber(i.targetDate))
      issues.push({
        path: `intermediateTargets.${year}`,
        message: translate(locale, "strategy.indicator.intermediateOutside", { year }),
      });
  }
  return issues;
}

/**
 * The regional strategies: strategies with their goals in the act's six categories, the goals' follow-up
 * indicators and the indicators' measured series, each indicator's status (status.ts) and the overview per category.
 */
export function createStrategyService({
  db,
  writes = createWritePath(db),
  leftConsultation,
  goalAdded,
}: {
  db: Db;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
  /** A status change out of consultation, in the change's unit: the goals' walls close (consultation.ts). */
  leftConsultation?: (caller: Caller, unit: WriteUnit, strategyId: string) => Promise<void>;
  /** A goal added while the strategy is in consultation, in the goal's unit: it gets its wall (consultation.ts). */
  goalAdded?: (caller: Caller, unit: WriteUnit, goal: GoalRow) => Promise<void>;
}) {
  const write = writes(strategyAudit);
  const reader = (within?: WriteUnit): Db | Tx => within?.tx ?? db;
  const manage = (caller: Caller) => authorize(strategyPolicy, "manageStrategies", caller.actor);

  async function findStrategy(from: Db | Tx, id: string): Promise<StrategyRow> {
    const [row] = await from.select().from(strategies).where(eq(strategies.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  async function findGoal(from: Db | Tx, id: string) {
    const [row] = await from
      .select({ goal: strategyGoals, strategy: strategies })
      .from(strategyGoals)
      .innerJoin(strategies, eq(strategies.id, strategyGoals.strategyId))
      .where(eq(strategyGoals.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  async function findIndicator(from: Db | Tx, id: string) {
    const [row] = await from
      .select({ indicator: strategyIndicators, goal: strategyGoals, strategy: strategies })
      .from(strategyIndicators)
      .innerJoin(strategyGoals, eq(strategyGoals.id, strategyIndicators.goalId))
      .innerJoin(strategies, eq(strategies.id, strategyGoals.strategyId))
      .where(eq(strategyIndicators.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  async function findMeasurement(from: Db | Tx, id: string) {
    const [row] = await from
      .select({
        measurement: strategyMeasurements,
        indicator: strategyIndicators,
        goal: strategyGoals,
        strategy: strategies,
      })
      .from(strategyMeasurements)
      .innerJoin(strategyIndicators, eq(strategyIndicators.id, strategyMeasurements.indicatorId))
      .innerJoin(strategyGoals, eq(strategyGoals.id, strategyIndicators.goalId))
      .innerJoin(strategies, eq(strategies.id, strategyGoals.strategyId))
      .where(eq(strategyMeasurements.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  /** The caller's role in the goal's responsible group (the groups module answers), or null. */
  const membershipIn = (from: Db | Tx, goal: GoalRow, actor: Actor | null): Promise<Membership> =>
    goal.responsibleGroupId ? membershipOf(from, goal.responsibleGroupId, actor) : Promise.resolve(null);

  /** The policy step of a measurement write: staff, or the goal's responsible group once the strategy is public. */
  async function allowMeasurements(caller: Caller, from: Db | Tx, goal: GoalRow, strategy: StrategyRow) {
    if (!canEnterMeasurements(strategy.status, await membershipIn(from, goal, caller.actor), caller.actor))
      throw refused(caller.actor);
  }

  async function measurementViews(from: Db | Tx, indicatorIds: string[]): Promise<MeasurementView[]> {
    if (indicatorIds.length === 0) return [];
    const rows = await from
      .select({ m: strategyMeasurements, name: users.name })
      .from(strategyMeasurements)
      .leftJoin(users, eq(users.id, strategyMeasurements.enteredBy))
      .where(inArray(strategyMeasurements.indicatorId, indicatorIds))
      .orderBy(asc(strategyMeasurements.measuredOn));
    return rows.map(({ m, name }) => measurementView(m, name));
  }

  const measurementView = (m: MeasurementRow, name: string | null): MeasurementView => ({
    id: m.id,
    indicatorId: m.indicatorId,
    date: m.measuredOn,
    value: m.value,
    source: m.source,
    note: m.note,
    enteredBy: m.enteredBy && name !== null ? { id: m.enteredBy, name } : null,
    enteredAt: m.enteredAt,
    updatedAt: m.updatedAt,
  });

  const indicatorView = (indicator: IndicatorRow, measurements: MeasurementView[]): IndicatorView => ({
    indicator,
    path: targetPath(indicator),
    status: indicatorStatus(indicator, measurements),
    measurements,
  });

  async function detailOf(caller: Caller, strategy: StrategyRow, from: Db | Tx = db): Promise<StrategyDetail> {
    const goals = await from
      .select()
      .from(strategyGoals)
      .where(eq(strategyGoals.strategyId, strategy.id))
      .orderBy(asc(strategyGoals.position), asc(strategyGoals.createdAt));
    const indicators = goals.length
      ? await from
          .select()
          .from(strategyIndicators)
          .where(
            inArray(
              strategyIndicators.goalId,
              goals.map((g) => g.id),
            ),
          )
          .orderBy(asc(strategyIndicators.position), asc(strategyIndicators.createdAt))
      : [];
    const measurements = await measurementViews(
      from,
      indicators.map((i) => i.id),
    );
    const groupIds = [...new Set(goals.flatMap((g) => (g.responsibleGroupId ? [g.responsibleGroupId] : [])))];
    const groups = new Map<string, { group: Awaited<ReturnType<typeof findGroup>>; membership: Membership }>();
    for (const id of groupIds)
      groups.set(id, {
        group: await findGroup(from, eq(workingGroups.id, id)),
        membership: await membershipOf(from, id, caller.actor),
      });
    const personIds = [...new Set(goals.flatMap((g) => (g.responsiblePersonId ? [g.responsiblePersonId] : [])))];
    const people = personIds.length
      ? await from.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, personIds))
      : [];
    const wallIds = goals.flatMap((g) => (g.wallId ? [g.wallId] : []));
    const goalWalls = wallIds.length
      ? await from
          .select({ id: walls.id, slug: walls.slug, closed: walls.closed })
          .from(walls)
          .where(inArray(walls.id, wallIds))
      : [];
    const category = (g: GoalRow) => goalCategories.indexOf(g.category);
    const goalViews = goals
      .sort((a, b) => category(a) - category(b))
      .map((goal): GoalView => {
        const group = goal.responsibleGroupId ? groups.get(goal.responsibleGroupId) : undefined;
        const person = people.find((p) => p.id === goal.responsiblePersonId);
        return {
          goal,
          responsible: group
            ? { kind: "group", id: group.group.id, name: group.group.name, slug: group.group.slug }
            : person
              ? { kind: "person", id: person.id, name: person.name }
              : null,
          wall: goalWalls.find((w) => w.id === goal.wallId) ?? null,
          canEnterMeasurements: canEnterMeasurements(strategy.status, group?.membership ?? null, caller.actor),
          indicators: indicators
            .filter((i) => i.goalId === goal.id)
            .map((i) =>
              indicatorView(
                i,
                measurements.filter((m) => m.indicatorId === i.id),
              ),
            ),
        };
      });
    return {
      strategy,
      goals: goalViews,
      overview: overviewOf(
        goalViews.map((g) => ({ category: g.goal.category, statuses: g.indicators.map((i) => i.status.status) })),
      ),
      canManage: canManageStrategies(caller.actor),
    };
  }

  async function readable(caller: Caller, id: string): Promise<StrategyRow> {
    assertUuid(id);
    const strategy = await findStrategy(db, id);
    authorize(strategyPolicy, isPublished(strategy.status) ? "readStrategies" : "readDrafts", caller.actor);
    return strategy;
  }

  /** A responsible group or person must exist; a missing one is a field error. */
  async function checkResponsible(
    tx: Tx,
    r: { responsibleGroupId?: string | null; responsiblePersonId?: string | null },
    locale: Locale,
  ) {
    if (r.responsibleGroupId) {
      try {
        await findGroup(tx, eq(workingGroups.id, r.responsibleGroupId));
      } catch {
        throw invalid([
          { path: "responsibleGroupId", message: translate(locale, "strategy.responsible.groupNotFound") },
        ]);
      }
    }
    if (r.responsiblePersonId) {
      const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, r.responsiblePersonId));
      if (!person)
        throw invalid([
          { path: "responsiblePersonId", message: translate(locale, "strategy.responsible.personNotFound") },
        ]);
    }
  }

  /** A measurement's date: within the strategy's period, and no other measurement of the indicator that day. */
  async function checkMeasurementDate(
    tx: Tx,
    strategy: StrategyRow,
    indicatorId: string,
    date: string,
    locale: Locale,
    except?: string,
  ) {
    const period = periodOf(strategy);
    if (date < period.first || date > period.last)
      throw invalid([
        {
          path: "date",
          message: translate(locale, "strategy.measurement.outsidePeriod", {
            start: formatPlainDate(locale, period.first),
            end: formatPlainDate(locale, period.last),
          }),
        },
      ]);
    const [clash] = await tx
      .select({ id: strategyMeasurements.id })
      .from(strategyMeasurements)
      .where(
        and(
          eq(strategyMeasurements.indicatorId, indicatorId),
          eq(strategyMeasurements.measuredOn, date),
          except ? ne(strategyMeasurements.id, except) : undefined,
        ),
      );
    if (clash) throw duplicate(date, locale);
  }

  const duplicate = (date: string, locale: Locale) =>
    invalid([
      {
        path: "date",
        message: translate(locale, "strategy.measurement.duplicate", { date: formatPlainDate(locale, date) }),
      },
    ]);

  /** A unique-index clash (two writes of the same day at once) is the same refusal as the check's. */
  async function uniqueDay<T>(date: string, locale: Locale, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate(date, locale);
      throw error;
    }
  }

  /**
   * A strategy goes into consultation only by opening the consultation (consultation.ts), which takes the deadline
   * and how comments are taken and makes the goals' walls: a plain status change to it would open nothing.
   */
  const throughConsultation = (locale: Locale) =>
    invalid([{ path: "status", message: translate(locale, "strategy.consultation.openWithDeadline") }]);

  const changedKeys = (patch: object) =>
    Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);

  return {
    /** Strategies, newest period first: everyone sees those in consultation, adopted and archived; staff also drafts. */
    async list(caller: Caller, query: StrategiesPageQuery | unknown = {}): Promise<Page<StrategyRow>> {
      authorize(strategyPolicy, "readStrategies", caller.actor);
      const q = parseInput(strategiesPageInput, query, caller.locale);
      const cursor = strategyPages.decode(q.cursor, caller.locale);
      const drafts = canReadStrategy("draft", caller.actor);
      const rows = await db
        .select(strategyPages.columns({ strategy: strategies }))
        .from(strategies)
        .where(
          and(drafts ? undefined : inArray(strategies.status, [...publishedStatuses]), strategyPages.after(cursor)),
        )
        .orderBy(...strategyPages.orderBy)
        .limit(strategyPages.fetch(q.limit));
      const page = strategyPages.page(rows, q.limit);
      return { items: page.items.map((r) => r.strategy), nextCursor: page.nextCursor };
    },

    /** A strategy with its goals, indicators (each with its status and measurements) and the overview per category. */
    async get(caller: Caller, id: string): Promise<StrategyDetail> {
      return detailOf(caller, await readable(caller, id));
    },

    /** The count of indicators per status per category. */
    async overview(caller: Caller, id: string): Promise<{ strategyId: string; categories: CategoryOverview[] }> {
      const detail = await detailOf(caller, await readable(caller, id));
      return { strategyId: id, categories: detail.overview };
    },

    /** One indicator with its status and measurements (for a page about it, or an import's preview). */
    async getIndicator(
      caller: Caller,
      id: string,
    ): Promise<IndicatorView & { goal: GoalRow; strategy: StrategyRow; canEnterMeasurements: boolean }> {
      assertUuid(id);
      const { indicator, goal, strategy } = await findIndicator(db, id);
      authorize(strategyPolicy, isPublished(strategy.status) ? "readStrategies" : "readDrafts", caller.actor);
      return {
        ...indicatorView(indicator, await measurementViews(db, [id])),
        goal,
        strategy,
        canEnterMeasurements: canEnterMeasurements(
          strategy.status,
          await membershipIn(db, goal, caller.actor),
          caller.actor,
        ),
      };
    },

    async create(caller: Caller, input: StrategyInput | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => manage(caller),
        input: { schema: strategyInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<StrategyRow> => {
          if (data.status === "consultation") throw throughConsultation(caller.locale);
          const [row] = await tx
            .insert(strategies)
            .values({ ...data, createdBy: caller.actor?.id ?? null })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit(
            "strategy.create",
            { type: "strategy", id: row.id },
            { name: row.name, startYear: row.startYear, endYear: row.endYear, status: row.status },
          );
          return row;
        },
      });
    },

    /** Changes a strategy's name, period, vision or status; a period must keep every measurement inside it. */
    async update(caller: Caller, id: string, input: StrategyPatch | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(id);
        },
        input: { schema: strategyPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit, unit }): Promise<StrategyRow> => {
          const before = await findStrategy(tx, id);
          if (data.status === "consultation" && before.status !== "consultation")
            throw throughConsultation(caller.locale);
          const merged = { ...before, ...definedOf(data) };
          if (merged.endYear < merged.startYear)
            throw invalid([
              {
                path: data.endYear !== undefined ? "endYear" : "startYear",
                message: translate(caller.locale, "strategy.period.endBeforeStart"),
              },
            ]);
          if (merged.startYear !== before.startYear || merged.endYear !== before.endYear) {
            const [range] = await tx
              .select({ first: min(strategyMeasurements.measuredOn), last: max(strategyMeasurements.measuredOn) })
              .from(strategyMeasurements)
              .innerJoin(strategyIndicators, eq(strategyIndicators.id, strategyMeasurements.indicatorId))
              .innerJoin(strategyGoals, eq(strategyGoals.id, strategyIndicators.goalId))
              .where(eq(strategyGoals.strategyId, id));
            const period = periodOf(merged);
            if (range?.first && range.last && (range.first < period.first || range.last > period.last))
              throw invalid([
                {
                  path: range.first < period.first ? "startYear" : "endYear",
                  message: translate(caller.locale, "strategy.period.excludesMeasurements", {
                    first: formatPlainDate(caller.locale, range.first),
                    last: formatPlainDate(caller.locale, range.last),
                  }),
                },
              ]);
          }
          const [row] = await tx
            .update(strategies)
            .set({ ...definedOf(data), updatedAt: new Date() })
            .where(eq(strategies.id, id))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "strategy.update",
            { type: "strategy", id },
            {
              changed: changedKeys(data),
              ...(row.status !== before.status ? { statusFrom: before.status, statusTo: row.status } : {}),
            },
          );
          if (before.status === "consultation" && row.status !== "consultation")
            await leftConsultation?.(caller, unit, id);
          return row;
        },
      });
    },

    async createGoal(
      caller: Caller,
      strategyId: string,
      input: GoalInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(strategyId);
        },
        input: { schema: goalInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit, unit }): Promise<GoalRow> => {
          const strategy = await findStrategy(tx, strategyId);
          await checkResponsible(tx, data, caller.locale);
          const [last] = await tx
            .select({ n: max(strategyGoals.position) })
            .from(strategyGoals)
            .where(eq(strategyGoals.strategyId, strategyId));
          const [row] = await tx
            .insert(strategyGoals)
            .values({
              strategyId,
              category: data.category,
              title: data.title,
              description: data.description,
              position: data.position ?? (last?.n ?? 0) + 1,
              responsibleGroupId: data.responsibleGroupId ?? null,
              responsiblePersonId: data.responsiblePersonId ?? null,
            })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit(
            "goal.create",
            { type: "goal", id: row.id },
            { strategyId, category: row.category, title: row.title },
          );
          if (strategy.status === "consultation" && goalAdded) {
            await goalAdded(caller, unit, row);
            const [withWall] = await tx.select().from(strategyGoals).where(eq(strategyGoals.id, row.id));
            return withWall ?? row;
          }
          return row;
        },
      });
    },

    /** Changes a goal; giving a responsible group clears a responsible person and the other way round. */
    async updateGoal(caller: Caller, goalId: string, input: GoalPatch | unknown, options: { within?: WriteUnit } = {}) {
      return write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(goalId);
        },
        input: { schema: goalPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<GoalRow> => {
          await findGoal(tx, goalId);
          await checkResponsible(tx, data, caller.locale);
          const set: Partial<GoalRow> = definedOf(data);
          if (data.responsibleGroupId) set.responsiblePersonId = null;
          if (data.responsiblePersonId) set.responsibleGroupId = null;
          const [row] = await tx
            .update(strategyGoals)
            .set({ ...set, updatedAt: new Date() })
            .where(eq(strategyGoals.id, goalId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("goal.update", { type: "goal", id: goalId }, { changed: changedKeys(data) });
          return row;
        },
      });
    },

    /** Deletes a goal with its indicators and their measurements. */
    async deleteGoal(caller: Caller, goalId: string, options: { within?: WriteUnit } = {}) {
      await write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(goalId);
        },
        within: options.within,
        run: async ({ tx, audit }) => {
          const [row] = await tx.delete(strategyGoals).where(eq(strategyGoals.id, goalId)).returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("goal.delete", { type: "goal", id: goalId }, { strategyId: row.strategyId, title: row.title });
        },
      });
    },

    async createIndicator(
      caller: Caller,
      goalId: string,
      input: IndicatorInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(goalId);
        },
        input: { schema: indicatorInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<IndicatorView> => {
          await findGoal(tx, goalId);
          const issues = indicatorIssues(data, caller.locale);
          if (issues.length) throw invalid(issues);
          const [last] = await tx
            .select({ n: max(strategyIndicators.position) })
            .from(strategyIndicators)
            .where(eq(strategyIndicators.goalId, goalId));
          const [row] = await tx
            .insert(strategyIndicators)
            .values({ ...data, goalId, position: data.position ?? (last?.n ?? 0) + 1 })
            .returning();
          if (!row) throw new AppError("INTERNAL");
          await audit("indicator.create", { type: "indicator", id: row.id }, { goalId, name: row.name });
          return indicatorView(row, []);
        },
      });
    },

    /** Changes an indicator; the changed fields are checked together with the stored ones. */
    async updateIndicator(
      caller: Caller,
      indicatorId: string,
      input: IndicatorPatch | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      return write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(indicatorId);
        },
        input: { schema: indicatorPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<IndicatorView> => {
          const { indicator } = await findIndicator(tx, indicatorId);
          const issues = indicatorIssues({ ...indicator, ...definedOf(data) }, caller.locale);
          if (issues.length) throw invalid(issues);
          const [row] = await tx
            .update(strategyIndicators)
            .set({ ...definedOf(data), updatedAt: new Date() })
            .where(eq(strategyIndicators.id, indicatorId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit("indicator.update", { type: "indicator", id: indicatorId }, { changed: changedKeys(data) });
          return indicatorView(row, await measurementViews(tx, [indicatorId]));
        },
      });
    },

    /** Deletes an indicator with its measurements. */
    async deleteIndicator(caller: Caller, indicatorId: string, options: { within?: WriteUnit } = {}) {
      await write({
        caller,
        allow: () => {
          manage(caller);
          assertUuid(indicatorId);
        },
        within: options.within,
        run: async ({ tx, audit }) => {
          const [row] = await tx.delete(strategyIndicators).where(eq(strategyIndicators.id, indicatorId)).returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "indicator.delete",
            { type: "indicator", id: indicatorId },
            { goalId: row.goalId, name: row.name },
          );
        },
      });
    },

    /** Enters a measurement (staff, or the goal's responsible group): a day within the period, one per day. */
    async createMeasurement(
      caller: Caller,
      indicatorId: string,
      input: MeasurementInput | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      let found: Awaited<ReturnType<typeof findIndicator>> | undefined;
      return write({
        caller,
        allow: async () => {
          assertUuid(indicatorId);
          found = await findIndicator(reader(options.within), indicatorId);
          await allowMeasurements(caller, reader(options.within), found.goal, found.strategy);
        },
        input: { schema: measurementInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<MeasurementView> => {
          const { strategy } = found as NonNullable<typeof found>;
          await checkMeasurementDate(tx, strategy, indicatorId, data.date, caller.locale);
          const [row] = await uniqueDay(data.date, caller.locale, () =>
            tx
              .insert(strategyMeasurements)
              .values({
                indicatorId,
                measuredOn: data.date,
                value: data.value,
                source: data.source,
                note: data.note,
                enteredBy: caller.actor?.id ?? null,
              })
              .returning(),
          );
          if (!row) throw new AppError("INTERNAL");
          await audit(
            "measurement.create",
            { type: "measurement", id: row.id },
            { indicatorId, date: row.measuredOn, value: row.value },
          );
          return measurementView(row, caller.actor?.name ?? null);
        },
      });
    },

    /** Corrects a measurement (staff, or the goal's responsible group). */
    async updateMeasurement(
      caller: Caller,
      measurementId: string,
      input: MeasurementPatch | unknown,
      options: { within?: WriteUnit } = {},
    ) {
      let found: Awaited<ReturnType<typeof findMeasurement>> | undefined;
      return write({
        caller,
        allow: async () => {
          assertUuid(measurementId);
          found = await findMeasurement(reader(options.within), measurementId);
          await allowMeasurements(caller, reader(options.within), found.goal, found.strategy);
        },
        input: { schema: measurementPatch, value: input },
        within: options.within,
        run: async ({ tx, data, audit }): Promise<MeasurementView> => {
          const { measurement, strategy } = found as NonNullable<typeof found>;
          const date = data.date ?? measurement.measuredOn;
          await checkMeasurementDate(tx, strategy, measurement.indicatorId, date, caller.locale, measurementId);
          const [row] = await uniqueDay(date, caller.locale, () =>
            tx
              .update(strategyMeasurements)
              .set({
                ...(data.date !== undefined ? { measuredOn: data.date } : {}),
                ...(data.value !== undefined ? { value: data.value } : {}),
                ...(data.source !== undefined ? { source: data.source } : {}),
                ...(data.note !== undefined ? { note: data.note } : {}),
                updatedAt: new Date(),
              })
              .where(eq(strategyMeasurements.id, measurementId))
              .returning(),
          );
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "measurement.update",
            { type: "measurement", id: measurementId },
            { indicatorId: row.indicatorId, date: row.measuredOn, changed: changedKeys(data) },
          );
          const [entered] = row.enteredBy
            ? await tx.select({ name: users.name }).from(users).where(eq(users.id, row.enteredBy))
            : [];
          return measurementView(row, entered?.name ?? null);
        },
      });
    },

    /** Deletes a measurement (staff, or the goal's responsible group). */
    async deleteMeasurement(caller: Caller, measurementId: string, options: { within?: WriteUnit } = {}) {
      await write({
        caller,
        allow: async () => {
          assertUuid(measurementId);
          const { goal, strategy } = await findMeasurement(reader(options.within), measurementId);
          await allowMeasurements(caller, reader(options.within), goal, strategy);
        },
        within: options.within,
        run: async ({ tx, audit }) => {
          const [row] = await tx
            .delete(strategyMeasurements)
            .where(eq(strategyMeasurements.id, measurementId))
            .returning();
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            "measurement.delete",
            { type: "measurement", id: measurementId },
            { indicatorId: row.indicatorId, date: row.measuredOn, value: row.value },
          );
        },
      });
    },
  };
}

/** A patch's given fields (undefined means "not changed"). */
function definedOf<T extends object>(patch: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as never;
}

export type StrategyService = ReturnType<typeof createStrategyService>;
