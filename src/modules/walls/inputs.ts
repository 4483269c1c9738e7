import { z } from "zod";
import {
  authorNameMaxLength,
  postBodyMaxLength,
  postKinds,
  postTitleMaxLength,
  reactionKinds,
  wallAccessModes,
  wallLayouts,
  wallModerationModes,
} from "./constants.ts";

/** Checkboxes arrive as "on" from HTML forms and as booleans from JSON. */
const flag = z.union([z.boolean(), z.enum(["on", "true", "false"]).transform((v) => v !== "false")]);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

/** A wall's settings as sent; a new wall fills in what is left out, an update changes only what is sent. */
const wallFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000),
  access: z.enum(wallAccessModes),
  joinCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9-]{4,20}$/)
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional(),
  anonymousAllowed: flag,
  moderation: z.enum(wallModerationModes),
  layout: z.enum(wallLayouts),
};

export const wallInput = z.object({
  ...wallFields,
  description: wallFields.description.default(""),
  access: wallFields.access.default("link"),
  anonymousAllowed: wallFields.anonymousAllowed.default(true),
  moderation: wallFields.moderation.default("open"),
  layout: wallFields.layout.default("masonry"),
  /** Section titles for the columns layout, e.g. one per discussion question. */
  sections: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
});
export type WallInput = z.input<typeof wallInput>;

// Without the defaults: a partial update that leaves out `access` must not reset the wall to "link".
export const wallSettingsInput = z.object(wallFields).partial().extend({ closed: flag.optional() });
export type WallSettingsInput = z.input<typeof wallSettingsInput>;

export const postInput = z.object({
  kind: z.enum(postKinds).default("comment"),
  title: optionalText(postTitleMaxLength),
  body: z.string().trim().min(1).max(postBodyMaxLength),
  /** Empty or absent means anonymous (where the wall allows it). */
  authorName: optionalText(authorNameMaxLength),
  sectionId: z
    .uuid()
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional(),
  parentId: z
    .uuid()
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional(),
  linkUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional(),
  /** A fileId from POST /walls/{id}/uploads, by the same browser to the same wall; an image needs attachmentAlt. */
  attachmentFileId: z
    .uuid()
    .or(z.literal("").transform(() => null))
    .nullable()
    .optional(),
  /** The attached image's alternative text. */
  attachmentAlt: optionalText(500),
  /** Chosen by the writer's browser once per post; a retry with the same key returns the same post. */
  idempotencyKey: z
    .string()
    .min(8)
    .max(100)
    .regex(/^[\w-]+$/),
});
export type PostInput = z.input<typeof postInput>;

// Only what is sent changes: `kind` loses its default here, or editing a question's text would make it a comment.
export const postEditInput = postInput
  .pick({ title: true, body: true, linkUrl: true, attachmentFileId: true, attachmentAlt: true })
  .partial()
  .extend({ kind: z.enum(postKinds).optional() });
export type PostEditInput = z.input<typeof postEditInput>;

export const reactionInput = z.object({ kind: z.enum(reactionKinds), on: flag.default(true) });
export type ReactionInput = z.input<typeof reactionInput>;

export const moderationInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve") }),
  z.object({ action: z.literal("hide") }),
  z.object({ action: z.literal("delete") }),
  z.object({ action: z.literal("pin"), on: flag.default(true) }),
  z.object({ action: z.literal("move"), sectionId: z.uuid().nullable() }),
]);
export type ModerationInput = z.input<typeof moderationInput>;

export const reportInput = z.object({ reason: z.string().trim().max(500).default("") });
