import { z } from "zod";
import { locales } from "../accounts/constants.ts";
import { commentMaxLength, deadlineKinds, deliverableStatuses, sectionBodyMaxLength } from "./constants.ts";

const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().max(max);

export const deliverableInput = z.object({
  templateId: z.uuid(),
  /** Empty: the template's name and the group's. */
  title: text(300).default(""),
  locale: z.enum(locales).optional(),
});
export type DeliverableInput = z.input<typeof deliverableInput>;

export const deliverableUpdateInput = z.object({
  title: z.string().trim().min(1).max(300).optional(),
  isPublic: flag.optional(),
});

/** A section's text, and the version the writer started from (0 for a section nobody has written yet). */
export const sectionSaveInput = z.object({
  body: z
    .string()
    .max(sectionBodyMaxLength)
    .transform((s) => s.replace(/\r\n/g, "\n").trimEnd()),
  baseVersion: z.coerce.number().int().min(0),
});
export type SectionSaveInput = z.input<typeof sectionSaveInput>;

export const commentInput = z.object({ body: z.string().trim().min(1).max(commentMaxLength) });

export const transitionInput = z.object({
  to: z.enum(deliverableStatuses),
  comment: text(4000).default(""),
});
export type TransitionInput = z.input<typeof transitionInput>;

export const deadlineInput = z.object({
  kind: z.enum(deadlineKinds),
  label: text(200).default(""),
  dueOn: date,
});
export type DeadlineInput = z.input<typeof deadlineInput>;

export const deadlineDoneInput = z.object({ done: flag });

export const compareInput = z.object({
  from: z.coerce.number().int().min(0),
  to: z.coerce.number().int().min(0),
});
