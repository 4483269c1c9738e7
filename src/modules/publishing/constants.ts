/** Enums shared with the browser bundle (no database imports). */
export const postKinds = ["blog", "news"] as const;
export type PostKind = (typeof postKinds)[number];

/** draft: only staff see it; scheduled: publishes at its time (a job); published: public from its time. */
export const postStatuses = ["draft", "scheduled", "published"] as const;
export type PostStatus = (typeof postStatuses)[number];

export const postLocales = ["fi", "sv", "en"] as const;
export type PostLocale = (typeof postLocales)[number];

/** The text search configuration of each content language (PostgreSQL's snowball stemmers; PGlite has them too). */
export const searchConfigOf: Record<PostLocale, "finnish" | "swedish" | "english"> = {
  fi: "finnish",
  sv: "swedish",
  en: "english",
};

/** A tag: lower-case letters, digits and hyphens, as it appears in /blog/tag/:tag and the feeds' URLs. */
export const tagPattern = /^[\p{Ll}\p{Nd}]+(?:-[\p{Ll}\p{Nd}]+)*$/u;

/** The tag list (blog page, GET /api/publishing/tags) names at most this many, the most used: bounded at any size. */
export const maxListedTags = 100;
