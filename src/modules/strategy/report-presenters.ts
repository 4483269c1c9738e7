import { z } from "@hono/zod-openapi";
import { deliverableDetailSchema, presentDeliverable } from "../deliverables/presenters.ts";
import { goalCategories } from "./constants.ts";
import type { ConsultationSummary } from "./consultation.ts";
import type { EnvironmentView } from "./environment.ts";
import type { ImportReport } from "./import.ts";
import { presentStrategy, strategySchema } from "./presenters.ts";

// Output schemas of the consultation, the environment analysis and the import (the API's response schemas).

export const consultationSummarySchema = z
  .object({
    strategy: strategySchema,
    deadline: z.string().nullable().openapi({ description: "The last day for comments, YYYY-MM-DD" }),
    goals: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        category: z.enum(goalCategories),
        wall: z
          .object({
            id: z.uuid(),
            slug: z.string(),
            closed: z.boolean(),
            anonymousAllowed: z.boolean(),
            moderation: z.enum(["open", "pre"]),
          })
          .nullable(),
        comments: z.array(
          z.object({
            id: z.uuid(),
            parentId: z.uuid().nullable(),
            kind: z.string(),
            title: z.string().nullable(),
            body: z.string(),
            html: z.string(),
            authorName: z.string().nullable().openapi({ description: "Null for an anonymous comment" }),
            likes: z.number().int(),
            createdAt: z.iso.datetime(),
          }),
        ),
      }),
    ),
  })
  .openapi("StrategyConsultationSummary");

export const presentConsultationSummary = (s: ConsultationSummary): z.infer<typeof consultationSummarySchema> => ({
  strategy: presentStrategy(s.strategy),
  deadline: s.strategy.consultationDeadline,
  goals: s.goals.map((g) => ({
    id: g.goal.id,
    title: g.goal.title,
    category: g.goal.category,
    wall: g.wall,
    comments: g.comments.map((c) => ({ ...c })),
  })),
});

export const environmentSchema = z
  .object({
    strategyId: z.uuid(),
    deliverableId: z.uuid().nullable(),
    deliverable: deliverableDetailSchema.nullable().openapi({
      description: "The analysis as a deliverable (sections, versions at /api/deliverables); null if not readable",
    }),
  })
  .openapi("StrategyEnvironment");

export const presentEnvironment = (e: EnvironmentView): z.infer<typeof environmentSchema> => ({
  strategyId: e.strategyId,
  deliverableId: e.deliverableId,
  deliverable: e.deliverable ? presentDeliverable(e.deliverable) : null,
});

export const importReportSchema = z
  .object({
    rows: z.number().int(),
    valid: z.boolean(),
    stored: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int().openapi({ description: "The spreadsheet's row number; the header is row 1" }),
        field: z.enum(["file", "indicator", "date", "value", "source"]),
        message: z.string(),
      }),
    ),
    measurements: z.array(
      z.object({
        row: z.number().int(),
        indicatorId: z.uuid(),
        indicatorName: z.string(),
        date: z.string(),
        value: z.string(),
        source: z.string(),
      }),
    ),
  })
  .openapi("StrategyImportReport");

export const presentImportReport = (r: ImportReport): z.infer<typeof importReportSchema> => ({
  rows: r.rows,
  valid: r.valid,
  stored: r.stored,
  errors: r.errors.map((e) => ({ ...e })),
  measurements: r.measurements.map((m) => ({ ...m })),
});
