import type { AttachmentKind, PostKind, PostStatus, WallAccess, WallLayout, WallModeration } from "./constants.ts";
import { renderPostBody } from "./render.ts";
import type { wallPosts, wallSections, walls } from "./schema.ts";

type PostRow = typeof wallPosts.$inferSelect;
type WallRow = typeof walls.$inferSelect;
type SectionRow = typeof wallSections.$inferSelect;

/** A post as every viewer may see it: never who wrote an anonymous post, never the participant hash. */
export interface PostView {
  id: string;
  wallId: string;
  sectionId: string | null;
  parentId: string | null;
  kind: PostKind;
  title: string | null;
  /** What the writer typed, for editing. */
  body: string;
  /** The body as sanitised HTML. */
  html: string;
  authorName: string | null;
  status: PostStatus;
  pinned: boolean;
  likes: number;
  votes: number;
  reports: number;
  attachment: {
    kind: AttachmentKind;
    url: string;
    name: string | null;
    alt: string | null;
    width: number | null;
    height: number | null;
  } | null;
  createdAt: string;
  edited: boolean;
}

export function presentPost(row: PostRow): PostView {
  return {
    id: row.id,
    wallId: row.wallId,
    sectionId: row.sectionId,
    parentId: row.parentId,
    kind: row.kind,
    title: row.title,
    body: row.body,
    html: renderPostBody(row.body),
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

export interface WallView {
  id: string;
  slug: string;
  title: string;
  description: string;
  access: WallAccess;
  anonymousAllowed: boolean;
  moderation: WallModeration;
  layout: WallLayout;
  closed: boolean;
  sections: { id: string; title: string; position: number }[];
  lastSeq: number;
}

export function presentWall(row: WallRow, sections: SectionRow[]): WallView {
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
