import { asc, eq } from "drizzle-orm";
import type { Caller } from "../../../core/caller.ts";
import { AppError } from "../../../core/errors.ts";
import type { Db } from "../../../db/client.ts";
import type { AttachmentKind, PostKind, PostStatus } from "../constants.ts";
import { canModerate, noOwnerRoles, type OwnerRoleResolver } from "../policy.ts";
import { wallSections, walls } from "../schema.ts";

/**
 * A post as its wall's moderators take it out. Selected column by column, so
 * nothing that could identify a participant (their hash, their account) is ever
 * read, let alone exported.
 */
export interface ExportPost {
  id: string;
  /** The section the post belongs to: its own, or for a reply without one its parent's. */
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
}

/**
 * A wall opened for its moderators' exports: staff, admins and the wall's
 * creator. NOT_FOUND for an unknown wall, UNAUTHENTICATED for a visitor who is
 * not signed in, FORBIDDEN for anyone else. The posts are then read a page at a
 * time (read-pages.ts).
 */
export async function openWallForModerator(
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
  const sections = await db
    .select({ id: wallSections.id, title: wallSections.title })
    .from(wallSections)
    .where(eq(wallSections.wallId, wall.id))
    .orderBy(asc(wallSections.position));
  return { wall: { id: wall.id, slug: wall.slug, title: wall.title }, sections };
}
