import { z } from "zod";

const text = (max: number) => z.string().trim().max(max);

/** A text in Finnish (required) and optionally Swedish and English; empty ones fall back to Finnish. */
export const localisedText = (max: number, required = true) =>
  z.object({
    fi: required ? z.string().trim().min(1).max(max) : text(max).default(""),
    sv: text(max).default(""),
    en: text(max).default(""),
  });

export const templateInput = z.object({
  name: localisedText(200),
  description: localisedText(4000, false).default({ fi: "", sv: "", en: "" }),
  sections: z
    .array(
      z.object({ title: localisedText(300), guidance: localisedText(4000, false).default({ fi: "", sv: "", en: "" }) }),
    )
    .min(1)
    .max(100),
});
export type TemplateInput = z.input<typeof templateInput>;
