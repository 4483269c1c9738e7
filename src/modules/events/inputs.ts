import { z } from "zod";
import { pageQuery } from "../../core/pagination.ts";
import { agendaItemKinds, emailRequirements } from "./constants.ts";

const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);
// A real calendar day ("2019-02-31" is refused here, not later as a RangeError).
const date = z.iso.date();
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const text = (max: number) => z.string().trim().max(max);

/** Dates and times are Finnish wall-clock time, as people type them. */
export const eventInput = z
  .object({
    title: z.string().trim().min(1).max(200),
    description: text(10_000).default(""),
    date,
    startTime: time,
    endTime: time,
    place: text(300).default(""),
    city: text(100).default(""),
    organiser: text(300).default(""),
    isPublic: flag.default(true),
    seriesId: z
      .uuid()
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
    regions: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
    registrationEmail: z.enum(emailRequirements).default("optional"),
    joinCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{4,20}$/)
      .or(z.literal("").transform(() => null))
      .nullable()
      .optional(),
  })
  // A message key: parseInput translates it into the caller's language.
  .refine((e) => e.endTime > e.startTime, { path: ["endTime"], message: "events.endBeforeStart" });
export type EventInput = z.input<typeof eventInput>;

export const speakerInput = z.object({
  name: z.string().trim().min(1).max(200),
  title: text(200).default(""),
  organisation: text(300).default(""),
});

export const agendaItemInput = z.object({
  time,
  kind: z.enum(agendaItemKinds).default("item"),
  title: z.string().trim().min(1).max(300),
  description: text(4000).default(""),
  speakers: z.array(speakerInput).max(20).default([]),
});
export type AgendaItemInput = z.input<typeof agendaItemInput>;

export const workshopInput = z.object({
  title: z.string().trim().min(1).max(300),
  assignment: text(4000).default(""),
  steps: z
    .array(
      z.object({ instructions: z.string().trim().min(1).max(2000), minutes: z.coerce.number().int().min(1).max(480) }),
    )
    .min(1)
    .max(20),
  groups: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
});
export type WorkshopInput = z.input<typeof workshopInput>;

export const stepControlInput = z.object({ action: z.enum(["start", "next", "previous", "stop"]) });

export const registrationInput = z.object({
  name: z.string().trim().min(1).max(200),
  organisation: text(300).default(""),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email().max(254))
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional(),
});
export type RegistrationInput = z.input<typeof registrationInput>;

export const seriesInput = z.object({
  name: z.string().trim().min(1).max(200),
  description: text(4000).default(""),
});

export const summaryInput = z.object({ summary: text(20_000), publish: flag.default(true) });

/** Which events a list shows, and its page: `?when=upcoming|past&cursor=&limit=`. */
export const eventListQuery = z.object({
  when: z.enum(["all", "upcoming", "past"]).default("all"),
  ...pageQuery({ defaultLimit: 50, maxLimit: 200 }),
});
export type EventListQuery = z.input<typeof eventListQuery>;
