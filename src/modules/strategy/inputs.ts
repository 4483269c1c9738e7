import { z } from "zod";
import { goalCategories, indicatorDirections, strategyStatuses } from "./constants.ts";
import { parseDecimal } from "./decimal.ts";

// Cross-field rules that need the stored row or the database (a patch merged with the row, the strategy's
// period, a duplicate date) are checked by the service with the same message keys (service.ts).

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);
const day = z.iso.date();
const year = z.coerce.number().int().min(1900).max(2200);

/**
 * An exact decimal: a JSON number or a text such as "12.5" or "12,5", kept as a canonical decimal string
 * (decimal.ts). Anything else is refused with a message naming what is wrong; the issue's path names the field.
 */
export const decimalValue = z
  .union([z.string(), z.number()], { error: "strategy.value.notNumber" })
  .transform((input, ctx) => {
    const parsed = parseDecimal(input);
    if ("value" in parsed) return parsed.value;
    ctx.issues.push({ code: "custom", message: `strategy.value.${parsed.problem}`, input });
    return z.NEVER;
  });

/** An optional reference: a form's empty choice means none. */
const optionalRef = <T extends z.ZodType<string>>(id: T) =>
  id
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional();

const strategyFields = {
  name: required(300),
  startYear: year,
  endYear: year,
  status: z.enum(strategyStatuses),
  vision: text(20_000),
};

export const strategyInput = z
  .object({
    ...strategyFields,
    status: strategyFields.status.default("draft"),
    vision: strategyFields.vision.default(""),
  })
  .refine((s) => s.endYear >= s.startYear, { path: ["endYear"], message: "strategy.period.endBeforeStart" });
export type StrategyInput = z.input<typeof strategyInput>;

/** A change to a strategy: any of its fields, its status too (draft → consultation → adopted → archived, or back). */
export const strategyPatch = z.object(strategyFields).partial();
export type StrategyPatch = z.input<typeof strategyPatch>;

const goalFields = {
  category: z.enum(goalCategories, { error: "strategy.category.unknown" }),
  title: required(300),
  description: text(8000),
  /** A working group (the groups module) or a person (people) is responsible; at most one of them. */
  responsibleGroupId: optionalRef(z.uuid()),
  responsiblePersonId: optionalRef(z.string().trim().min(1).max(100)),
  position: z.coerce.number().int().min(1).max(10_000),
};
const oneResponsible = (g: { responsibleGroupId?: string | null; responsiblePersonId?: string | null }) =>
  !g.responsibleGroupId || !g.responsiblePersonId;
const oneResponsibleIssue = { path: ["responsiblePersonId"], message: "strategy.responsible.both" };

export const goalInput = z
  .object({ ...goalFields, description: goalFields.description.default(""), position: goalFields.position.optional() })
  .refine(oneResponsible, oneResponsibleIssue);
export type GoalInput = z.input<typeof goalInput>;

export const goalPatch = z.object(goalFields).partial().refine(oneResponsible, oneResponsibleIssue);
export type GoalPatch = z.input<typeof goalPatch>;

/** Year ("2023") → the value expected at the end of that year. */
const intermediateTargets = z.record(
  z.string().regex(/^\d{4}$/, { error: "strategy.indicator.intermediateYear" }),
  decimalValue,
);

const indicatorFields = {
  name: required(300),
  unit: text(60),
  direction: z.enum(indicatorDirections),
  baselineValue: decimalValue,
  baselineDate: day,
  targetValue: decimalValue,
  targetDate: day,
  intermediateTargets,
  dataSource: text(1000),
  position: z.coerce.number().int().min(1).max(10_000),
};

export const indicatorInput = z.object({
  ...indicatorFields,
  unit: indicatorFields.unit.default(""),
  intermediateTargets: intermediateTargets.default({}),
  dataSource: indicatorFields.dataSource.default(""),
  position: indicatorFields.position.optional(),
});
export type IndicatorInput = z.input<typeof indicatorInput>;

export const indicatorPatch = z.object(indicatorFields).partial();
export type IndicatorPatch = z.input<typeof indicatorPatch>;

const measurementFields = {
  /** The day the value describes; within the strategy's period. */
  date: day,
  value: decimalValue,
  source: text(1000),
  note: text(4000),
};

export const measurementInput = z.object({
  ...measurementFields,
  source: measurementFields.source.default(""),
  note: measurementFields.note.default(""),
});
export type MeasurementInput = z.input<typeof measurementInput>;

export const measurementPatch = z.object(measurementFields).partial();
export type MeasurementPatch = z.input<typeof measurementPatch>;
