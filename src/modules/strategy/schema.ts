import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "../accounts/schema.ts";
import { deliverables } from "../deliverables/schema.ts";
import { workingGroups } from "../groups/schema.ts";
import { walls } from "../walls/schema.ts";
import { goalCategories, indicatorDirections, strategyStatuses } from "./constants.ts";

export const strategyStatus = pgEnum("strategy_status", strategyStatuses);
export const strategyGoalCategory = pgEnum("strategy_goal_category", goalCategories);
export const indicatorDirection = pgEnum("indicator_direction", indicatorDirections);

const createdAt = timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
/** Exact decimals (no float): numeric without a scale keeps the canonical string the input layer wrote. */
const decimal = (name: string) => numeric(name);

/** A regional strategy for a period (e.g. a council term 2021–2025); several periods exist side by side. */
export const strategies = pgTable(
  "strategies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    startYear: integer("start_year").notNull(),
    endYear: integer("end_year").notNull(),
    status: strategyStatus("status").notNull().default("draft"),
    /** The vision in the small Markdown subset of posts (walls/render.ts). */
    vision: text("vision").notNull().default(""),
    /** While in consultation: the last day for comments (the goals' walls close at its end, Finnish time). */
    consultationDeadline: date("consultation_deadline", { mode: "string" }),
    /** Who opened the consultation: the deadline job closes the walls in their name. */
    consultationOpenedBy: text("consultation_opened_by").references(() => users.id, { onDelete: "set null" }),
    /** The operating-environment analysis: a deliverable (the deliverables module) made from its built-in template. */
    environmentDeliverableId: uuid("environment_deliverable_id").references(() => deliverables.id, {
      onDelete: "set null",
    }),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [
    check("strategies_period_check", sql`${t.endYear} >= ${t.startYear}`),
    index("strategies_start_year_idx").on(t.startYear, t.id),
  ],
);

/** A goal of a strategy in one of the act's six categories; responsible: a working group or a person, or nobody yet. */
export const strategyGoals = pgTable(
  "strategy_goals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    strategyId: uuid("strategy_id")
      .notNull()
      .references(() => strategies.id, { onDelete: "cascade" }),
    category: strategyGoalCategory("category").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
    responsibleGroupId: uuid("responsible_group_id").references(() => workingGroups.id, { onDelete: "set null" }),
    responsiblePersonId: text("responsible_person_id").references(() => users.id, { onDelete: "set null" }),
    /** The goal's consultation wall (the walls module, owner "strategy_goal"), made when a consultation opens. */
    wallId: uuid("wall_id").references(() => walls.id, { onDelete: "set null" }),
    createdAt,
    updatedAt,
  },
  (t) => [
    check(
      "strategy_goals_one_responsible_check",
      sql`${t.responsibleGroupId} is null or ${t.responsiblePersonId} is null`,
    ),
    index("strategy_goals_strategy_idx").on(t.strategyId, t.position),
    index("strategy_goals_group_idx").on(t.responsibleGroupId),
  ],
);

/** A follow-up indicator of a goal: baseline, target (and yearly intermediate targets) and a measured series. */
export const strategyIndicators = pgTable(
  "strategy_indicators",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    goalId: uuid("goal_id")
      .notNull()
      .references(() => strategyGoals.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    unit: text("unit").notNull().default(""),
    direction: indicatorDirection("direction").notNull(),
    baselineValue: decimal("baseline_value").notNull(),
    baselineDate: date("baseline_date", { mode: "string" }).notNull(),
    targetValue: decimal("target_value").notNull(),
    targetDate: date("target_date", { mode: "string" }).notNull(),
    /** Year ("2023") → canonical decimal string: the value expected at the end of that year. */
    intermediateTargets: jsonb("intermediate_targets").$type<Record<string, string>>().notNull().default({}),
    dataSource: text("data_source").notNull().default(""),
    position: integer("position").notNull(),
    createdAt,
    updatedAt,
  },
  (t) => [
    check("strategy_indicators_target_after_baseline_check", sql`${t.targetDate} > ${t.baselineDate}`),
    index("strategy_indicators_goal_idx").on(t.goalId, t.position),
  ],
);

/** One measured value of an indicator; one per indicator and day. */
export const strategyMeasurements = pgTable(
  "strategy_measurements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    indicatorId: uuid("indicator_id")
      .notNull()
      .references(() => strategyIndicators.id, { onDelete: "cascade" }),
    measuredOn: date("measured_on", { mode: "string" }).notNull(),
    value: decimal("value").notNull(),
    source: text("source").notNull().default(""),
    note: text("note").notNull().default(""),
    enteredBy: text("entered_by").references(() => users.id, { onDelete: "set null" }),
    enteredAt: timestamp("entered_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt,
  },
  (t) => [uniqueIndex("strategy_measurements_indicator_date_idx").on(t.indicatorId, t.measuredOn)],
);
