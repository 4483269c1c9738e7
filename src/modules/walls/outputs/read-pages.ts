import { and, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { keyset } from "../../../core/pagination.ts";
import type { Db } from "../../../db/client.ts";
import { wallPosts } from "../schema.ts";
import type { ExportPost } from "./read.ts";

/** Rows per query while exporting: a page is in memory at a time, never the wall. */
export const exportPageSize = 1000;

/** Oldest first by (created_at, id), as the exports list the posts. */
const exportPages = keyset({
  list: "wall-export",
  key: wallPosts.createdAt,
  keyType: "timestamp",
  id: wallPosts.id,
  idType: "uuid",
  order: "asc",
});

const parent = alias(wallPosts, "parent");

/** Which posts an export table holds: every one, a section's (a reply goes with its parent), or those in none. */
export type ExportSlice = { all: true } | { sectionId: string | null };

/**
 * How many replies (not deleted) each post of the wall has: one grouped query,
 * as big as the number of posts that have replies (the replies are counted
 * once, not per page).
 */
export async function replyCounts(db: Db, wallId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ parentId: wallPosts.parentId, replies: sql<number>`count(*)::int` })
    .from(wallPosts)
    .where(and(eq(wallPosts.wallId, wallId), isNull(wallPosts.deletedAt), isNotNull(wallPosts.parentId)))
    .groupBy(wallPosts.parentId);
  return new Map(rows.flatMap((r) => (r.parentId ? [[r.parentId, r.replies] as const] : [])));
}

/** Whether any post (not deleted) is in no section, its own or its parent's: the export's last sheet. */
export async function hasLoosePosts(db: Db, wallId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: wallPosts.id })
    .from(wallPosts)
    .leftJoin(parent, eq(parent.id, wallPosts.parentId))
    .where(
      and(
        eq(wallPosts.wallId, wallId),
        isNull(wallPosts.deletedAt),
        sql`coalesce(${wallPosts.sectionId}, ${parent.sectionId}) is null`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * A wall's posts (not deleted; visible, pending and hidden alike) for its
 * moderators' exports, oldest first, read a keyset page at a time so an export
 * of 100,000 posts holds only one page. Selected column by column: nothing that
 * could identify a participant is ever read. `sectionId` on each post is the
 * section it belongs to (a reply without one of its own goes with its parent).
 */
export async function* exportPostPages(
  db: Db,
  wallId: string,
  slice: ExportSlice,
  replies: Map<string, number>,
): AsyncGenerator<ExportPost[]> {
  const section = sql`coalesce(${wallPosts.sectionId}, ${parent.sectionId})`;
  const inSlice: SQL | undefined =
    "all" in slice
      ? undefined
      : slice.sectionId === null
        ? sql`${section} is null`
        : sql`${section} = ${slice.sectionId}`;
  const readPage = (cursor: { key: string | number; id: string | number } | null) =>
    db
      .select(
        exportPages.columns({
          id: wallPosts.id,
          sectionId: sql<string | null>`${section}`,
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
        }),
      )
      .from(wallPosts)
      .leftJoin(parent, eq(parent.id, wallPosts.parentId))
      .where(and(eq(wallPosts.wallId, wallId), isNull(wallPosts.deletedAt), inSlice, exportPages.after(cursor)))
      .orderBy(...exportPages.orderBy)
      .limit(exportPageSize);
  let cursor: { key: string | number; id: string | number } | null = null;
  for (;;) {
    const rows = await readPage(cursor);
    if (rows.length === 0) return;
    const last = rows[rows.length - 1];
    cursor = last ? { key: last.keysetKey, id: last.keysetId } : null;
    yield rows.map(
      ({ keysetKey: _k, keysetId: _i, attachmentKind, attachmentUrl, attachmentFileId, attachmentName, ...row }) => ({
        ...row,
        attachment: attachmentKind
          ? { kind: attachmentKind, url: attachmentUrl, fileId: attachmentFileId, name: attachmentName }
          : null,
        replies: row.parentId ? 0 : (replies.get(row.id) ?? 0),
      }),
    );
    if (rows.length < exportPageSize) return;
  }
}
