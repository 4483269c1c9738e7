import { and, eq, isNull, or, sql } from "drizzle-orm";
import { AppError } from "../../core/errors.ts";
import { keyset } from "../../core/pagination.ts";
import type { Db } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { wallPosts } from "./schema.ts";

/**
 * The same list as the wall service's posts pages (service.ts: "wall-posts", newest first by
 * (created_at, id)), so this reads the cursors those pages hand out.
 */
const postPages = keyset({
  list: "wall-posts",
  key: wallPosts.createdAt,
  keyType: "timestamp",
  id: wallPosts.id,
  idType: "uuid",
  order: "desc",
});

export interface PostPositions {
  /** How many top-level posts (the feed's articles; replies sit inside them) this reader may see. */
  total: number;
  /** How many of them come before the page the cursor starts (0 on the first page). */
  before: number;
}

/**
 * Where a page of a wall's posts sits in the whole feed, for aria-setsize and
 * aria-posinset. Also binds a page cursor to its wall: the cursor names the
 * last post of the page before, so a cursor whose post is not on this wall (or
 * whose time is not that post's) is another wall's or made up, and is refused as
 * a bad cursor. A cursor whose post has since been deleted still pages on from
 * its place (a stale link keeps working).
 */
export function createPostPositions(db: Db) {
  return {
    async of(
      wall: { id: string; canModerate: boolean },
      participantHash: string | null,
      cursorText: string | undefined,
      locale: Locale,
    ): Promise<PostPositions> {
      const cursor = postPages.decode(cursorText, locale);
      if (cursor) {
        const [post] = await db
          .select({ wallId: wallPosts.wallId, key: postPages.columns({}).keysetKey })
          .from(wallPosts)
          .where(eq(wallPosts.id, String(cursor.id)));
        if (post?.wallId !== wall.id || post.key !== cursor.key)
          throw new AppError("VALIDATION_FAILED", [
            { path: "cursor", message: translate(locale, "pagination.badCursor") },
          ]);
      }
      // What the service's pages show this reader: moderators every post not deleted, others the
      // visible ones and their own.
      const readable = and(
        eq(wallPosts.wallId, wall.id),
        isNull(wallPosts.deletedAt),
        isNull(wallPosts.parentId),
        wall.canModerate
          ? undefined
          : or(
              eq(wallPosts.status, "visible"),
              participantHash ? eq(wallPosts.participantHash, participantHash) : undefined,
            ),
      );
      // Before a cursor's page: every pinned post (they lead the first page) and the others newer than it.
      const before = cursor ? sql`${wallPosts.pinned} or not (${postPages.after(cursor)})` : sql`false`;
      const [counts] = await db
        .select({
          total: sql<number>`count(*)::int`,
          before: sql<number>`(count(*) filter (where ${before}))::int`,
        })
        .from(wallPosts)
        .where(readable);
      return { total: counts?.total ?? 0, before: counts?.before ?? 0 };
    },
  };
}

export type PostPositionsService = ReturnType<typeof createPostPositions>;
