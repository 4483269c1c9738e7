import { z } from "@hono/zod-openapi";
import { type Page, pageSchema } from "../../core/pagination.ts";
import { renderPostBody } from "../walls/render.ts";
import { goalCategories, indicatorDirections, indicatorStatuses, strategyStatuses } from "./constants.ts";
import { canonicalDecimal } from "./decimal.ts";
import type { CategoryOverview } from "./overview.ts";
import type {
  GoalRow,
  GoalView,
  IndicatorView,
  MeasurementView,
  Responsible,
  StrategyDetail,
  StrategyRow,
} from "./service.ts";

/**
 * Numbers leave the server as decimal strings, always: baselines, targets, measured and expected values
 * ("12.5", "-3", "1200.25"; canonical: no exponent, no trailing zeros, "." as the decimal point) and the progress
 * percentage ("81.3"). They are exact (PostgreSQL numeric), so a client never sees a float's rounding. Counts
 * (goals, indicators per status) and years are JSON integers. Days are "YYYY-MM-DD", instants ISO 8601.
 */
const decimal = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/)
  .openapi({ description: "An exact decimal number as a string", example: "12.5" });
const day = z.string().openapi({ description: "A calendar day, YYYY-MM-DD", example: "2023-12-31" });
const iso = (d: Date) => d.toISOString();

export const strategySchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    startYear: z.number().int(),
    endYear: z.number().int(),
    status: z.enum(strategyStatuses),
    vision: z.string().openapi({ description: "The vision as written (a small Markdown subset)" }),
    visionHtml: z.string().openapi({ description: "The vision as sanitised HTML" }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("Strategy");

export const presentStrategy = (s: StrategyRow): z.infer<typeof strategySchema> => ({
  id: s.id,
  name: s.name,
  startYear: s.startYear,
  endYear: s.endYear,
  status: s.status,
  vision: s.vision,
  visionHtml: renderPostBody(s.vision),
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
});

export const strategiesPageSchema = pageSchema(strategySchema).openapi("StrategyPage");

export const presentStrategiesPage = (page: Page<StrategyRow>): z.infer<typeof strategiesPageSchema> => ({
  items: page.items.map(presentStrategy),
  nextCursor: page.nextCursor,
});

export const measurementSchema = z
  .object({
    id: z.uuid(),
    indicatorId: z.uuid(),
    date: day,
    value: decimal,
    source: z.string(),
    note: z.string(),
    enteredBy: z
      .object({ id: z.string().optional(), name: z.string() })
      .nullable()
      .openapi({ description: "Who entered it; the person's id only to those who may enter measurements" }),
    enteredAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("StrategyMeasurement");

/** A measurement; `withIds` (those who may enter measurements) also get the id of who entered it. */
export const presentMeasurement = (m: MeasurementView, withIds = true): z.infer<typeof measurementSchema> => ({
  id: m.id,
  indicatorId: m.indicatorId,
  date: m.date,
  value: canonicalDecimal(m.value),
  source: m.source,
  note: m.note,
  enteredBy: m.enteredBy
    ? withIds
      ? { id: m.enteredBy.id, name: m.enteredBy.name }
      : { name: m.enteredBy.name }
    : null,
  enteredAt: iso(m.enteredAt),
  updatedAt: iso(m.updatedAt),
});

const statusSchema = z
  .object({
    status: z.enum(indicatorStatuses),
    latest: z.object({ date: day, value: decimal }).nullable(),
    expected: decimal.nullable().openapi({ description: "The target path's value on the latest measurement's date" }),
    progressPercent: decimal.nullable().openapi({
      description: "The change from the baseline as a percentage of the change the path expects by then",
    }),
  })
  .openapi("StrategyIndicatorStatus");

export const indicatorSchema = z
  .object({
    id: z.uuid(),
    goalId: z.uuid(),
    name: z.string(),
    unit: z.string(),
    direction: z.enum(indicatorDirections),
    baseline: z.object({ value: decimal, date: day }),
    target: z.object({ value: decimal, date: day }),
    intermediateTargets: z
      .array(z.object({ year: z.number().int(), value: decimal }))
      .openapi({ description: "Values expected at the end of these years, by year" }),
    path: z
      .array(z.object({ date: day, value: decimal, kind: z.enum(["baseline", "intermediate", "target"]) }))
      .openapi({ description: "The target path's points in date order" }),
    dataSource: z.string(),
    position: z.number().int(),
    status: statusSchema,
    measurements: z.array(measurementSchema),
  })
  .openapi("StrategyIndicator");

export function presentIndicator(v: IndicatorView, withIds = true): z.infer<typeof indicatorSchema> {
  const i = v.indicator;
  return {
    id: i.id,
    goalId: i.goalId,
    name: i.name,
    unit: i.unit,
    direction: i.direction,
    baseline: { value: canonicalDecimal(i.baselineValue), date: i.baselineDate },
    target: { value: canonicalDecimal(i.targetValue), date: i.targetDate },
    intermediateTargets: Object.entries(i.intermediateTargets)
      .map(([year, value]) => ({ year: Number(year), value: canonicalDecimal(value) }))
      .sort((a, b) => a.year - b.year),
    path: v.path.map((p) => ({ ...p, value: canonicalDecimal(p.value) })),
    dataSource: i.dataSource,
    position: i.position,
    status: {
      status: v.status.status,
      latest: v.status.latest ? { date: v.status.latest.date, value: canonicalDecimal(v.status.latest.value) } : null,
      expected: v.status.expected,
      progressPercent: v.status.progressPercent,
    },
    measurements: v.measurements.map((m) => presentMeasurement(m, withIds)),
  };
}

const responsibleSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("group"), id: z.uuid(), name: z.string(), slug: z.string() }),
    z.object({ kind: z.literal("person"), id: z.string(), name: z.string() }),
  ])
  .nullable()
  .openapi("StrategyResponsible");

export const goalSchema = z
  .object({
    id: z.uuid(),
    strategyId: z.uuid(),
    category: z.enum(goalCategories),
    title: z.string(),
    description: z.string(),
    position: z.number().int(),
    responsibleGroupId: z.uuid().nullable(),
    responsiblePersonId: z.string().nullable(),
  })
  .openapi("StrategyGoal");

export const presentGoal = (g: GoalRow): z.infer<typeof goalSchema> => ({
  id: g.id,
  strategyId: g.strategyId,
  category: g.category,
  title: g.title,
  description: g.description,
  position: g.position,
  responsibleGroupId: g.responsibleGroupId,
  responsiblePersonId: g.responsiblePersonId,
});

export const goalDetailSchema = goalSchema
  .extend({
    responsible: responsibleSchema,
    wall: z
      .object({ id: z.uuid(), slug: z.string(), closed: z.boolean() })
      .nullable()
      .openapi({ description: "The goal's consultation wall (/w/{slug}), once a consultation made it" }),
    canEnterMeasurements: z.boolean(),
    indicators: z.array(indicatorSchema),
  })
  .openapi("StrategyGoalDetail");

export const presentGoalDetail = (g: GoalView): z.infer<typeof goalDetailSchema> => ({
  ...presentGoal(g.goal),
  responsible: presentResponsible(g.responsible),
  wall: g.wall ? { ...g.wall } : null,
  canEnterMeasurements: g.canEnterMeasurements,
  indicators: g.indicators.map((i) => presentIndicator(i, g.canEnterMeasurements)),
});

const presentResponsible = (r: Responsible): z.infer<typeof responsibleSchema> => (r ? { ...r } : null);

export const overviewSchema = z
  .array(
    z.object({
      category: z.enum(goalCategories),
      goals: z.number().int(),
      indicators: z.number().int(),
      counts: z.object({
        on_track: z.number().int(),
        behind: z.number().int(),
        off_track: z.number().int(),
        no_data: z.number().int(),
      }),
    }),
  )
  .openapi("StrategyOverview", { description: "Per category (all six, in the act's order): indicators per status" });

export const presentOverview = (o: CategoryOverview[]): z.infer<typeof overviewSchema> =>
  o.map((c) => ({ ...c, counts: { ...c.counts } }));

export const strategyDetailSchema = strategySchema
  .extend({
    goals: z.array(goalDetailSchema),
    overview: overviewSchema,
    consultationDeadline: day.nullable().openapi({ description: "While in consultation: the last day for comments" }),
    environmentDeliverableId: z
      .uuid()
      .nullable()
      .openapi({ description: "The operating-environment analysis (a deliverable, /d/{id}), once attached" }),
    canManage: z.boolean(),
  })
  .openapi("StrategyDetail");

export const presentStrategyDetail = (d: StrategyDetail): z.infer<typeof strategyDetailSchema> => ({
  ...presentStrategy(d.strategy),
  goals: d.goals.map(presentGoalDetail),
  overview: presentOverview(d.overview),
  consultationDeadline: d.strategy.consultationDeadline,
  environmentDeliverableId: d.strategy.environmentDeliverableId,
  canManage: d.canManage,
});
