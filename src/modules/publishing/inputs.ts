import { z } from "zod";
import { postKinds, postLocales, tagPattern } from "./constants.ts";
import { imagesWithoutAlt } from "./render.ts";

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1).max(max);

/** Tags as a list, or as one text separated by commas (a form's field); kept lower-case, each once. */
const tagList = z
  .preprocess(
    (value) => (typeof value === "string" ? value.split(",") : value),
    z.array(z.string().trim().toLowerCase().max(60)).max(20),
  )
  .transform((tags) => [...new Set(tags.filter((t) => t !== ""))])
  .refine((tags) => tags.every((t) => tagPattern.test(t)), { message: "publishing.tags.invalid" });

/** A form's empty choice means none. */
const optionalId = z
  .union([z.uuid(), z.literal("").transform(() => null)])
  .nullable()
  .optional();
const optionalPersonId = z
  .union([z.string().trim().min(1).max(100), z.literal("").transform(() => null)])
  .nullable()
  .optional();

/** The body: the walls' Markdown subset plus images, and every image needs its alternative text. */
const body = required(100_000).refine((value) => imagesWithoutAlt(value) === 0, {
  message: "publishing.body.imageAlt",
});

const postFields = {
  kind: z.enum(postKinds),
  locale: z.enum(postLocales),
  title: required(300),
  summary: required(1000),
  body,
  tags: tagList,
  /** A person of the workspace (shown with their organisation and title), or else a guest author below. */
  authorPersonId: optionalPersonId,
  authorName: text(200),
  authorOrganisation: text(300),
  authorTitle: text(300),
  /** An upload of POST /api/publishing/posts/covers, with its alternative text. */
  coverFileId: optionalId,
  coverAlt: text(500).nullable().optional(),
};

type Author = { authorPersonId?: string | null; authorName?: string };
type Cover = { coverFileId?: string | null; coverAlt?: string | null };

const hasAuthor = (p: Author) => Boolean(p.authorPersonId) || Boolean(p.authorName);
const coverHasAlt = (p: Cover) => !p.coverFileId || Boolean(p.coverAlt);

export const postInput = z
  .object({
    ...postFields,
    tags: postFields.tags.default([]),
    authorName: postFields.authorName.default(""),
    authorOrganisation: postFields.authorOrganisation.default(""),
    authorTitle: postFields.authorTitle.default(""),
  })
  .refine(hasAuthor, { path: ["authorName"], message: "publishing.author.required" })
  .refine(coverHasAlt, { path: ["coverAlt"], message: "publishing.cover.altRequired" });
export type PostInput = z.input<typeof postInput>;

/** A change to a post: any of its fields. The merged post is checked again by the service. */
export const postPatch = z.object(postFields).partial();
export type PostPatch = z.input<typeof postPatch>;

/** Publish now (no time, or a time not in the future) or schedule for a time to come. */
export const publishInput = z.object({
  // Kept as the text given (ISO 8601 with an offset): the API validates a body and the service parses it again.
  publishAt: z.union([z.iso.datetime({ offset: true }), z.literal("").transform(() => undefined)]).optional(),
});
export type PublishInput = z.input<typeof publishInput>;

/** The office's contact details (workspace settings). */
export const officeInput = z.object({
  name: text(200).default(""),
  address: text(1000).default(""),
  email: z.union([z.email().max(254), z.literal("")]).default(""),
  phone: text(100).default(""),
  openingHours: z.object({ fi: text(500).default(""), sv: text(500).default(""), en: text(500).default("") }),
});
export type OfficeInput = z.input<typeof officeInput>;

export { coverHasAlt, hasAuthor };
