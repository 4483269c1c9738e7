import { z } from "zod";
import { locales } from "../accounts/constants.ts";
import { commentMaxLength, deadlineKinds, deliverableStatuses, groupRoles, sectionBodyMaxLength } from "./constants.ts";

const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().trim().max(max);
/** An optional reference: a form's empty choice means none. */
const optionalId = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .or(z.literal("").transform(() => null))
  .nullable()
  .optional();
const optionalDate = date
  .or(z.literal("").transform(() => null))
  .nullable()
  .optional();

/** A text in Finnish (required) and optionally Swedish and English; empty ones fall back to Finnish. */
const localised = (max: number, required = true) =>
  z.object({
    fi: required ? z.string().trim().min(1).max(max) : text(max).default(""),
    sv: text(max).default(""),
    en: text(max).default(""),
  });

const groupDetails = {
  name: z.string().trim().min(1).max(200),
  theme: text(200).default(""),
  description: text(4000).default(""),
  isPublic: flag.default(false),
};

/** A new group with, optionally, the people who lead it (user ids). */
export const groupInput = z.object({
  ...groupDetails,
  convenerId: optionalId,
  chairId: optionalId,
  secretaryId: optionalId,
});
export type GroupInput = z.input<typeof groupInput>;

export const groupUpdateInput = z.object(groupDetails);
export type GroupUpdateInput = z.input<typeof groupUpdateInput>;

export const memberInput = z.object({
  userId: z.string().trim().min(1).max(100),
  role: z.enum(groupRoles).default("member"),
});
export type MemberInput = z.input<typeof memberInput>;

export const templateInput = z.object({
  name: localised(200),
  description: localised(4000, false).default({ fi: "", sv: "", en: "" }),
  sections: z
    .array(z.object({ title: localised(300), guidance: localised(4000, false).default({ fi: "", sv: "", en: "" }) }))
    .min(1)
    .max(100),
});
export type TemplateInput = z.input<typeof templateInput>;

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

export const phaseInput = z
  .object({
    name: localised(200),
    description: localised(4000, false).default({ fi: "", sv: "", en: "" }),
    startsOn: optionalDate,
    endsOn: optionalDate,
  })
  .refine((p) => !p.startsOn || !p.endsOn || p.endsOn >= p.startsOn, {
    path: ["endsOn"],
    message: "END_BEFORE_START",
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
