import { z } from "@hono/zod-openapi";
import {
  attachmentKinds,
  postKinds,
  postStatuses,
  wallAccessModes,
  wallLayouts,
  wallModerationModes,
} from "./constants.ts";
import { renderPostBody } from "./render.ts";
import type { wallPosts, wallSections, walls } from "./schema.ts";

type PostRow = typeof wallPosts.$inferSelect;
type WallRow = typeof walls.$inferSelect;
type SectionRow = typeof wallSections.$inferSelect;

/**
 * The only shapes a wall or a post leaves the server in: the JSON API's
 * response schemas, the web loaders and the live stream's change frames all
 * use these (the types below are inferred from them, so there is no twin to
 * keep in sync by hand).
 */
export const postSchema = z
  .object({
    id: z.uuid(),
    wallId: z.uuid(),
    sectionId: z.uuid().nullable(),
    parentId: z.uuid().nullable(),
    kind: z.enum(postKinds),
    title: z.string().nullable(),
    /** What the writer typed, for editing. */
    body: z.string(),
    html: z.string().openapi({ description: "The body rendered from its Markdown subset and sanitised" }),
    authorName: z.string().nullable().openapi({ description: "Null for an anonymous post" }),
    status: z.enum(postStatuses),
    pinned: z.boolean(),
    likes: z.number().int(),
    votes: z.number().int(),
    reports: z.number().int().openapi({ description: "0 for everyone but the wall's moderators" }),
    attachment: z
      .object({
        kind: z.enum(attachmentKinds),
        url: z.string(),
        name: z.string().nullable(),
        alt: z.string().nullable(),
        width: z.number().int().nullable(),
        height: z.number().int().nullable(),
      })
      .nullable(),
    createdAt: z.iso.datetime(),
    edited: z.boolean(),
  })
  .openapi("Post");
/** A post as every viewer may see it: never who wrote an anonymous post, never the participant hash. */
export type PostView = z.infer<typeof postSchema>;

/**
 * A post as a wall's reader renders it: everything but the Markdown source (`html` is what is shown), so a
 * frame on the live stream and a list's post carry the text once. The writer's editor asks for the source
 * when it opens (GET /api/posts/{id}/source, postSourceSchema).
 */
export const livePostSchema = postSchema.omit({ body: true }).openapi("LivePost");
export type LivePostView = z.infer<typeof livePostSchema>;

/** A post without its Markdown source (what the stream and the lists send). */
export function livePost(view: PostView): LivePostView {
  const { body: _source, ...shown } = view;
  return shown;
}

/** What the editor opens with: the post's Markdown source, to its writer (same browser) and the wall's moderators. */
export const postSourceSchema = z
  .object({ id: z.uuid(), kind: z.enum(postKinds), title: z.string().nullable(), body: z.string() })
  .openapi("PostSource");
export type PostSource = z.infer<typeof postSourceSchema>;

export const presentPostSource = (row: PostRow): PostSource => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  body: row.body,
});

/** A post in a list for one viewer: whether it is their own (same browser). */
export const viewerPostSchema = livePostSchema.extend({ mine: z.boolean() }).openapi("ViewerPost");
export type ViewerPostView = z.infer<typeof viewerPostSchema>;

export const wallSchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    access: z.enum(wallAccessModes),
    anonymousAllowed: z.boolean(),
    moderation: z.enum(wallModerationModes),
    layout: z.enum(wallLayouts),
    closed: z.boolean(),
    sections: z.array(z.object({ id: z.uuid(), title: z.string(), position: z.number().int() })),
    lastSeq: z.number().int(),
  })
  .openapi("Wall");
export type WallView = z.infer<typeof wallSchema>;

export const openedWallSchema = z
  .object({ wall: wallSchema, canModerate: z.boolean(), canPost: z.boolean(), joinCode: z.string().nullable() })
  .openapi("OpenedWall");

/** The live stream's change frames (the `data:` of each SSE `change` event), one shape per change type. */
export const changeFrameSchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("post"), post: livePostSchema }),
    z.object({ type: z.literal("post.removed"), id: z.uuid() }),
    z.object({ type: z.literal("post.scrubbed"), id: z.uuid() }),
    z.object({ type: z.literal("reactions"), id: z.uuid(), likes: z.number().int(), votes: z.number().int() }),
    z.object({ type: z.literal("wall"), wall: wallSchema }),
  ])
  .openapi("WallChange");
export type ChangeFrame = z.infer<typeof changeFrameSchema>;

export function presentPost(row: PostRow): PostView {
  return {
    id: row.id,
    wallId: row.wallId,
    sectionId: row.sectionId,
    parentId: row.parentId,
    kind: row.kind,
    title: row.title,
    body: row.body,
    // Rows written before body_html existed are rendered on read.
    html: row.bodyHtml ?? renderPostBody(row.body),
    authorName: row.authorName,
    status: row.status,
    pinned: row.pinned,
    likes: row.likeCount,
    votes: row.voteCount,
    reports: row.reportCount,
    attachment: row.attachmentKind
      ? {
          kind: row.attachmentKind,
          url:
            row.attachmentKind === "link"
              ? (row.attachmentUrl ?? "")
              : `/files/${row.attachmentFileId}/${encodeURIComponent(row.attachmentName ?? "file")}`,
          name: row.attachmentName,
          alt: row.attachmentAlt,
          width: row.attachmentWidth,
          height: row.attachmentHeight,
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    edited: row.updatedAt.getTime() - row.createdAt.getTime() > 1000,
  };
}

/** Moderators see the report count; everyone else does not. */
export const publicView = (view: PostView): PostView => ({ ...view, reports: 0 });
export const presentPublicPost = (row: PostRow): PostView => publicView(presentPost(row));

/** What a wall's view shows of a section (its row, or the same three fields read as JSON). */
export type WallSection = Pick<SectionRow, "id" | "title" | "position">;

export function presentWall(row: WallRow, sections: WallSection[]): WallView {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    access: row.access,
    anonymousAllowed: row.anonymousAllowed,
    moderation: row.moderation,
    layout: row.layout,
    closed: row.closed,
    sections: sections
      .slice()
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ id: s.id, title: s.title, position: s.position })),
    lastSeq: row.lastSeq,
  };
}
