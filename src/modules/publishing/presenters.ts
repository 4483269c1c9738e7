import { z } from "@hono/zod-openapi";
import { type Page, pageSchema } from "../../core/pagination.ts";
import { postKinds, postLocales, postStatuses } from "./constants.ts";
import { renderArticleBody } from "./render.ts";
import type { PostRecord } from "./service.ts";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A post's page: one URL for its whole life (the slug never changes). */
export const postPath = (slug: string) => `/blog/${encodeURIComponent(slug)}`;
/** A cover image's address (served only while a published post uses it, or to staff). */
export const coverPath = (fileId: string) => `/blog/covers/${fileId}`;

export const authorSchema = z
  .object({
    personId: z.string().nullable().openapi({ description: "The workspace's person; null for a guest author" }),
    name: z.string(),
    organisation: z.string(),
    title: z.string(),
  })
  .openapi("PostAuthor");

export const postSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    path: z.string().openapi({ description: "The post's page on this site", example: "/blog/kasvua-ja-toita" }),
    kind: z.enum(postKinds),
    locale: z.enum(postLocales),
    title: z.string(),
    summary: z.string(),
    bodyHtml: z.string().openapi({ description: "The body rendered and sanitised" }),
    tags: z.array(z.string()),
    author: authorSchema,
    cover: z.object({ path: z.string(), alt: z.string() }).nullable(),
    publishedAt: z.string().nullable().openapi({ description: "ISO 8601; null while a draft" }),
    correctedAt: z.string().nullable().openapi({ description: "The last correction after publishing, if any" }),
    /** Only for those who may read drafts: */
    status: z.enum(postStatuses).optional(),
    body: z.string().optional().openapi({ description: "The body as written (staff only)" }),
    revision: z.number().int().optional(),
    updatedAt: z.string().optional(),
  })
  .openapi("Post");
export type PostView = z.infer<typeof postSchema>;

/** A post for its reader; `staff` adds its status, the text as written and its revision. */
export function presentPost({ post, author }: PostRecord, options: { staff?: boolean } = {}): PostView {
  return {
    id: post.id,
    slug: post.slug,
    path: postPath(post.slug),
    kind: post.kind,
    locale: post.locale,
    title: post.title,
    summary: post.summary,
    bodyHtml: renderArticleBody(post.body),
    tags: post.tags,
    author,
    cover: post.coverFileId && post.coverAlt ? { path: coverPath(post.coverFileId), alt: post.coverAlt } : null,
    publishedAt: post.status === "draft" ? null : iso(post.publishAt),
    correctedAt: iso(post.correctedAt),
    ...(options.staff
      ? { status: post.status, body: post.body, revision: post.revision, updatedAt: post.updatedAt.toISOString() }
      : {}),
  };
}

export const postsPageSchema = pageSchema(postSchema).openapi("PostsPage");
export const presentPostsPage = (page: Page<PostRecord>, options: { staff?: boolean } = {}) => ({
  items: page.items.map((r) => presentPost(r, options)),
  nextCursor: page.nextCursor,
});

export const revisionSchema = z
  .object({
    revision: z.number().int(),
    content: z.record(z.string(), z.unknown()),
    replacedBy: z.string().nullable(),
    replacedAt: z.string(),
  })
  .openapi("PostRevision");
export const presentRevision = (r: {
  revision: number;
  content: Record<string, unknown>;
  replacedBy: string | null;
  replacedAt: Date;
}) => ({ revision: r.revision, content: r.content, replacedBy: r.replacedBy, replacedAt: r.replacedAt.toISOString() });

export const tagCountSchema = z.object({ tag: z.string(), count: z.number().int() }).openapi("PostTag");
export const archiveMonthSchema = z
  .object({ year: z.number().int(), month: z.number().int(), count: z.number().int() })
  .openapi("PostArchiveMonth");

export const officeSchema = z
  .object({
    name: z.string(),
    address: z.string(),
    email: z.string(),
    phone: z.string(),
    openingHours: z.object({ fi: z.string(), sv: z.string(), en: z.string() }),
  })
  .openapi("OfficeContacts");
export type OfficeView = z.infer<typeof officeSchema>;
