import { z } from "@hono/zod-openapi";
import type { TemplateDetail, TemplateSummary } from "./service.ts";

const iso = (d: Date) => d.toISOString();
export const localised = z
  .object({ fi: z.string(), sv: z.string(), en: z.string() })
  .openapi("LocalisedText", { description: "Finnish, Swedish and English; an empty one falls back to Finnish" });

export const templateSummarySchema = z
  .object({
    id: z.uuid(),
    key: z.string().nullable().openapi({ description: "Set on the templates the workspace ships with" }),
    name: localised,
    description: localised,
    sectionCount: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .openapi("DeliverableTemplateSummary");

export const presentTemplateSummary = (t: TemplateSummary): z.infer<typeof templateSummarySchema> => ({
  ...t,
  updatedAt: iso(t.updatedAt),
});

export const templateSchema = templateSummarySchema
  .extend({
    sections: z.array(z.object({ position: z.number().int(), title: localised, guidance: localised })),
  })
  .openapi("DeliverableTemplate");

export const presentTemplate = (t: TemplateDetail): z.infer<typeof templateSchema> => ({
  ...t,
  updatedAt: iso(t.updatedAt),
});
