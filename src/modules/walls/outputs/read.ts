import { and, asc, eq, isNull } from "drizzle-orm";
import type { Caller } from "../../../core/caller.ts";
import { AppError } from "../../../core/errors.ts";
import type { Db } from "../../../db/client.ts";
import type { AttachmentKind, PostKind, PostStatus } from "../constants.ts";
import { canModerate, noOwnerRoles, type OwnerRoleResolver } from "../policy.ts";
import { wallPosts, wallSections, walls } from "../schema.ts";

/**
 * A post as its wall's moderators take it out. Selected column by column, so
 * nothing that could identify a participant (their hash, their account) is ever
 * read, let alone exported.
 */
export interface ExportPost {
  id: string;
  sectionId: string | null;
  parentId: string | null;
  kind: PostKind;
  title: string | null;
  body: string;
  authorName: string | null;
  status: PostStatus;
  pinned: boolean;
  likes: number;
  votes: number;
  attachment: { kind: AttachmentKind; url: string | null; fileId: string | null; name: string | null } | null;
  createdAt: Date;
  updatedAt: Date;
  /** How many replies (not deleted) the post has; always 0 for a reply. */
  replies: number;
}

export interface WallForExport {
  wall: { id: string; slug: string; title: string };
  sections: { id: string; title: string }[];
  /** Every post not deleted, oldest first: visible, pending and hidden alike. */
  posts: ExportPost[];
}

/**
 * Everything on a wall for its moderators: staff, admins and the wall's creator.
 * NOT_FOUND for an unknown wall, UNAUTHENTICATED for a visitor who is not signed
 * in, FORBIDDEN for anyone else.
 */
export async function readWallForModerator(
  db: Db,
  caller: Caller,
  slug: string,
  ownerRole: OwnerRoleResolver = noOwnerRoles,
): Promise<WallForExport> {
  const [wall] = await db
    .select({
      id: walls.id,
      slug: walls.slug,
      title: walls.title,
      access: walls.access,
      createdBy: walls.createdBy,
      ownerType: walls.ownerType,
      ownerId: walls.ownerId,
    })
    .from(walls)
    .where(eq(walls.slug, slug.toLowerCase()));
  if (!wall) throw new AppError("NOT_FOUND");
  if (!canModerate(wall, caller.actor, await ownerRole(wall, caller.actor))) {
    throw new AppError(caller.actor ? "FORBIDDEN" : "UNAUTHENTICATED");
  }

  const [sections, rows] = await Promise.all([
    db
      .select({ id: wallSections.id, title: wallSections.title })
      .from(wallSections)
      .where(eq(wallSections.wallId, wall.id))
      .orderBy(asc(wallSections.position)),
    db
      .select({
        id: wallPosts.id,
        sectionId: wallPosts.sectionId,
        parentId: wallPosts.parentId,
        kind: wallPosts.kind,
        title: wallPosts.title,
        body: wallPosts.body,
        authorName: wallPosts.authorName,
        status: wallPosts.status,
        pinned: wallPosts.pinned,
        likes: wallPosts.likeCount,
        votes: wallPosts.voteCount,
        attachmentKind: wallPosts.attachmentKind,
        attachmentUrl: wallPosts.attachmentUrl,
        attachmentFileId: wallPosts.attachmentFileId,
        attachmentName: wallPosts.attachmentName,
        createdAt: wallPosts.createdAt,
        updatedAt: wallPosts.updatedAt,
      })
      .from(wallPosts)
      .where(and(eq(wallPosts.wallId, wall.id), isNull(wallPosts.deletedAt)))
      .orderBy(asc(wallPosts.createdAt), asc(wallPosts.id)),
  ]);

  const replies = new Map<string, number>();
  for (const row of rows) if (row.parentId) replies.set(row.parentId, (replies.get(row.parentId) ?? 0) + 1);

  return {
    wall: { id: wall.id, slug: wall.slug, title: wall.title },
    sections,
    posts: rows.map(({ attachmentKind, attachmentUrl, attachmentFileId, attachmentName, ...row }) => ({
      ...row,
      attachment: attachmentKind
        ? { kind: attachmentKind, url: attachmentUrl, fileId: attachmentFileId, name: attachmentName }
        : null,
      replies: row.parentId ? 0 : (replies.get(row.id) ?? 0),
    })),
  };
}
