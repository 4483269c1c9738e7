import { z } from "zod";
import { localisedText } from "../templates/inputs.ts";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().max(max);
const optionalDate = date
  .or(z.literal("").transform(() => null))
  .nullable()
  .optional();

export const phaseInput = z
  .object({
    name: localisedText(200),
    description: localisedText(4000, false).default({ fi: "", sv: "", en: "" }),
    startsOn: optionalDate,
    endsOn: optionalDate,
  })
  .refine((p) => !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn, {
    path: ["endsOn"],
    // A message key: parseInput (and the API's validation) translate it into the caller's language.
    message: "groups.endBeforeStart",
  });
export type PhaseInput = z.input<typeof phaseInput>;

export const milestoneInput = z.object({
  title: z.string().trim().min(1).max(300),
  description: text(4000).default(""),
  dueOn: date,
  phaseId: z
    .uuid()
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional(),
});
export type MilestoneInput = z.input<typeof milestoneInput>;
