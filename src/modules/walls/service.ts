import { randomInt } from "node:crypto";
import { and, eq, getTableColumns, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { createJoinCodeGuesses, type JoinCodeGuesses } from "../../core/join-code-guesses.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath, type WriteUnit } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import { isUniqueViolation } from "../../db/errors.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { wallsAudit } from "./audit.ts";
import { appendChange } from "./change-log.ts";
import type { WallOwnerType } from "./constants.ts";
import { createFirstPageCache, type FirstPageCache } from "./first-page.ts";
import type { WallHub } from "./hub.ts";
import { type WallInput, type WallSettingsInput, wallInput, wallSettingsInput } from "./inputs.ts";
import { noOwnerRoles, type OwnerRoleResolver, type WallRights, wallRights, wallsPolicy } from "./policy.ts";
import {
  livePost,
  type PostView,
  presentPost,
  presentPublicPost,
  presentWall,
  type ViewerPostView,
  type WallSection,
  type WallView,
} from "./presenters.ts";
import { wallPosts, wallSections, walls } from "./schema.ts";
import type { WallViewer } from "./viewer.ts";

type WallRow = typeof walls.$inferSelect;

// Short links and join codes avoid letters and digits that look alike on a projector.
const codeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const randomCode = (length: number) =>
  Array.from({ length }, () => codeAlphabet[randomInt(codeAlphabet.length)]).join("");

/** `?cursor=&limit=` of the walls list and of a wall's posts. */
export const wallsPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));
export const postsPageInput = z.object(pageQuery({ defaultLimit: 200, maxLimit: 500 }));

/** Walls newest first. */
const wallPages = keyset({
  list: "walls",
  key: walls.createdAt,
  keyType: "timestamp",
  id: walls.id,
  idType: "uuid",
  order: "desc",
});
/**
 * A wall's posts newest first; the pinned ones come on the first page, above
 * the others, and the pages then go back in time through the rest (an index on
 * wall_posts (wall_id, created_at, id) keeps each page a range scan).
 */
const postKeyset = keyset({
  list: "wall-posts",
  key: wallPosts.createdAt,
  keyType: "timestamp",
  id: wallPosts.id,
  idType: "uuid",
  order: "desc",
});
const postPages = {
  ...postKeyset,
  /** The cursor of the page after a post (its key as the list's rows carry it): the one `page` would give. */
  cursorAfter: (key: string, id: string) =>
    postKeyset.page(
      [
        { keysetKey: key, keysetId: id },
        { keysetKey: "", keysetId: "" },
      ],
      1,
    ).nextCursor,
};

export interface OpenedWall {
  wall: WallView;
  canModerate: boolean;
  /** False when the wall is closed. */
  canPost: boolean;
  joinCode: string | null;
}

export function createWallService({
  db,
  hub,
  ownerRole = noOwnerRoles,
  joinGuesses = createJoinCodeGuesses(db),
  writes = createWritePath(db),
  firstPages = createFirstPageCache({ db, hub }),
}: {
  db: Db;
  hub: WallHub;
  ownerRole?: OwnerRoleResolver;
  /** One budget of join-code guesses per address, shared with the events' codes (platform.ts). */
  joinGuesses?: JoinCodeGuesses;
  /** The platform's write path; tests and scripts get one of their own. */
  writes?: WritePath;
  /** Copies of walls' first pages, kept current from the change log (first-page.ts). */
  firstPages?: FirstPageCache;
}) {
  const write = writes(wallsAudit);
  /** Inside a caller's unit of work, reads go through its transaction (PGlite has one connection: `db` would wait). */
  async function findWall(where: ReturnType<typeof eq>, reader: Db | Tx = db): Promise<WallRow> {
    const [row] = await reader.select().from(walls).where(where);
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  /**
   * The wall and its sections in one query: opening a wall (its page, a stream, a page of posts) is the
   * commonest read there is, and a hall joining at once pays it thousands of times. (`walls`.id spelt out:
   * Drizzle writes a one-table select's columns unqualified, which inside the subquery would mean the section's.)
   */
  async function findWallWithSections(where: ReturnType<typeof eq>): Promise<WallRow & { sections: WallSection[] }> {
    const [row] = await db
      .select({
        wall: walls,
        sections: sql<WallSection[]>`coalesce((select json_agg(json_build_object('id', s.id, 'title', s.title,
          'position', s.position) order by s.position) from ${wallSections} s where s.wall_id = ${walls}.id), '[]'::json)`,
      })
      .from(walls)
      .where(where);
    if (!row) throw new AppError("NOT_FOUND");
    return { ...row.wall, sections: row.sections };
  }

  /** What the policy lets this viewer do on the wall; refuses (JOIN_CODE_REQUIRED, FORBIDDEN, UNAUTHENTICATED) a wall they may not open. */
  async function rightsOn(viewer: WallViewer, row: WallRow): Promise<WallRights> {
    const rights = wallRights(
      row,
      viewer.actor,
      viewer.hasJoinCode(row.id, row.joinCode),
      await ownerRole(row, viewer.actor),
    );
    if (!rights.open) {
      throw new AppError(
        row.access === "join_code" ? "JOIN_CODE_REQUIRED" : viewer.actor ? "FORBIDDEN" : "UNAUTHENTICATED",
      );
    }
    return rights;
  }

  /** The wall if this viewer may open it; JOIN_CODE_REQUIRED or UNAUTHENTICATED tells what is missing. */
  async function open(viewer: WallViewer, row: WallRow & { sections: WallSection[] }): Promise<OpenedWall> {
    const moderator = (await rightsOn(viewer, row)).moderate;
    return {
      wall: presentWall(row, row.sections),
      canModerate: moderator,
      canPost: !row.closed,
      joinCode: moderator ? row.joinCode : null,
    };
  }

  async function join(row: WallRow, code: string, address: string, locale: Locale) {
    const right = row.joinCode !== null && code.trim().toUpperCase() === row.joinCode;
    await joinGuesses.count(address, { right });
    if (!right || row.joinCode === null) {
      throw new AppError("VALIDATION_FAILED", [{ path: "code", message: translate(locale, "walls.wrongJoinCode") }]);
    }
    return { wallId: row.id, code: row.joinCode };
  }

  /**
   * The wall's posts as this viewer may see them, newest first with the
   * pinned ones on top of the first page, the viewer's own marked; older
   * posts with `cursor` (the page's nextCursor).
   */
  async function posts(
    viewer: WallViewer,
    wallId: string,
    query: unknown = {},
    opened?: OpenedWall,
  ): Promise<{ posts: (PostView & { mine: boolean })[]; seq: number; nextCursor: string | null }> {
    const { canModerate: moderator, wall } =
      opened ?? (await open(viewer, await findWallWithSections(eq(walls.id, wallId))));
    const q = parseInput(postsPageInput, query, viewer.locale);
    const cursor = postPages.decode(q.cursor, viewer.locale);
    const own = viewer.participantHash;
    const readable = and(
      eq(wallPosts.wallId, wallId),
      isNull(wallPosts.deletedAt),
      moderator ? undefined : or(eq(wallPosts.status, "visible"), own ? eq(wallPosts.participantHash, own) : undefined),
    );
    const pinned = cursor
      ? []
      : await db
          .select()
          .from(wallPosts)
          .where(and(readable, eq(wallPosts.pinned, true)))
          .orderBy(...postPages.orderBy);
    const rows = await db
      .select(postPages.columns(getTableColumns(wallPosts)))
      .from(wallPosts)
      .where(and(readable, eq(wallPosts.pinned, false), postPages.after(cursor)))
      .orderBy(...postPages.orderBy)
      .limit(postPages.fetch(q.limit));
    const page = postPages.page(rows, q.limit);
    return {
      seq: wall.lastSeq,
      nextCursor: page.nextCursor,
      posts: [...pinned, ...page.items].map((r) => ({
        ...(moderator ? presentPost(r) : presentPublicPost(r)),
        mine: own !== null && r.participantHash === own,
      })),
    };
  }

  return {
    /** The owner role resolver this service uses, for the post and attachment services. */
    ownerRole,

    /** The walls' first-page copies (first-page.ts). */
    firstPages,

    /**
     * A new wall. Another module making a wall for something of its own (an
     * event, a working group) passes its unit of work and itself as the owner,
     * so the thing and its wall commit together or not at all.
     */
    async create(
      caller: Caller,
      input: WallInput | unknown,
      options: { within?: WriteUnit; owner?: { type: Exclude<WallOwnerType, "standalone">; id: string } } = {},
    ): Promise<WallView> {
      return write({
        caller,
        allow: () => authorize(wallsPolicy, "createWall", caller.actor),
        input: { schema: wallInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit }) => {
          const joinCode = data.joinCode ?? (data.access === "join_code" ? randomCode(6) : null);
          const owner = options.owner ? { ownerType: options.owner.type, ownerId: options.owner.id } : {};
          // A clash of random short links: try another. Each try is a savepoint, so a clash leaves the unit usable.
          for (let attempt = 0; ; attempt++) {
            try {
              const { wall, sections } = await tx.transaction(async (sp) => {
                const [wall] = await sp
                  .insert(walls)
                  .values({
                    ...data,
                    ...owner,
                    joinCode,
                    slug: randomCode(6).toLowerCase(),
                    createdBy: caller.actor?.id ?? null,
                  })
                  .returning();
                if (!wall) throw new AppError("INTERNAL");
                const sections = data.sections.length
                  ? await sp
                      .insert(wallSections)
                      .values(data.sections.map((title, position) => ({ wallId: wall.id, title, position })))
                      .returning()
                  : [];
                return { wall, sections };
              });
              await audit(
                "wall.create",
                { type: "wall", id: wall.id },
                { title: wall.title, access: wall.access, moderation: wall.moderation, ...owner },
              );
              return presentWall(wall, sections);
            } catch (error) {
              if (isUniqueViolation(error) && attempt < 5) continue;
              throw error;
            }
          }
        },
      });
    },

    /**
     * Settings, or closing the wall: its moderators only. The module owning the wall may instead change it as its
     * `owner` (its own policy step decided, e.g. a deadline job acting as the workspace): the wall must be that
     * owner's, and the write must join the owner's unit.
     */
    async update(
      caller: Caller,
      wallId: string,
      input: WallSettingsInput | unknown,
      options: { within?: WriteUnit; owner?: { type: Exclude<WallOwnerType, "standalone">; id: string } } = {},
    ): Promise<WallView> {
      let row: WallRow | undefined;
      return write({
        caller,
        allow: async () => {
          row = await findWall(eq(walls.id, wallId), options.within?.tx);
          const owner = options.owner;
          if (owner && options.within) {
            if (row.ownerType !== owner.type || row.ownerId !== owner.id) throw new AppError("FORBIDDEN");
            return;
          }
          const role = await ownerRole(row, caller.actor, options.within?.tx);
          const { moderate } = wallRights(row, caller.actor, false, role);
          if (!moderate) throw new AppError(caller.actor ? "FORBIDDEN" : "UNAUTHENTICATED");
        },
        input: { schema: wallSettingsInput, value: input },
        within: options.within,
        run: async ({ tx, data, audit, afterCommit }) => {
          if (!row) throw new AppError("NOT_FOUND");
          // A wall open to code holders always has a code: a cleared field gets a new one.
          const access = data.access ?? row.access;
          let joinCode = data.joinCode !== undefined ? data.joinCode : row.joinCode;
          if (access === "join_code" && !joinCode) joinCode = randomCode(6);
          const [wall] = await tx
            .update(walls)
            .set({ ...data, joinCode, updatedAt: new Date() })
            .where(eq(walls.id, wallId))
            .returning();
          if (!wall) throw new AppError("NOT_FOUND");
          const view = presentWall(wall, await tx.select().from(wallSections).where(eq(wallSections.wallId, wallId)));
          await appendChange(tx, wallId, {
            type: "wall",
            public: { type: "wall", wall: view },
            moderator: { type: "wall", wall: view },
          });
          await audit(data.closed === true ? "wall.close" : "wall.update", { type: "wall", id: wallId }, data);
          afterCommit(() => hub.notify(wallId));
          return view;
        },
      });
    },

    async openBySlug(viewer: WallViewer, slug: string): Promise<OpenedWall> {
      return open(viewer, await findWallWithSections(eq(walls.slug, slug.toLowerCase())));
    },

    async openById(viewer: WallViewer, wallId: string): Promise<OpenedWall> {
      return open(viewer, await findWallWithSections(eq(walls.id, wallId)));
    },

    /** Checks a join code (guesses are rate-limited per address); returns the code to remember. */
    async joinById(wallId: string, code: string, address: string, locale: Locale = "fi") {
      return join(await findWall(eq(walls.id, wallId)), code, address, locale);
    },

    async joinBySlug(slug: string, code: string, address: string, locale: Locale = "fi") {
      return join(await findWall(eq(walls.slug, slug.toLowerCase())), code, address, locale);
    },

    posts,

    /**
     * A page of the wall's posts as its readers render them (the API's and the wall page's list): as
     * `posts`, without each post's Markdown source, which only its editor asks for. The first page comes
     * from the wall's copy for this viewer's audience (first-page.ts) instead of the database.
     */
    async readerPosts(
      viewer: WallViewer,
      wallId: string,
      query: unknown = {},
    ): Promise<{ posts: ViewerPostView[]; seq: number; nextCursor: string | null }> {
      // Taken before the wall's seq is read, for the copy to follow the wall from it (hub.ts).
      const wokenBefore = hub.wakeCount();
      const opened = await open(viewer, await findWallWithSections(eq(walls.id, wallId)));
      const q = parseInput(postsPageInput, query, viewer.locale);
      const own = viewer.participantHash;
      if (!q.cursor) {
        const cached = await firstPages.read(
          wallId,
          { moderator: opened.canModerate, participantHash: own },
          q.limit,
          opened.wall.lastSeq,
          wokenBefore,
        );
        if (cached)
          return {
            seq: cached.seq,
            nextCursor: cached.next ? postPages.cursorAfter(cached.next.key, cached.next.view.id) : null,
            posts: cached.entries.map((e) => ({ ...e.view, mine: own !== null && e.participantHash === own })),
          };
      }
      const page = await posts(viewer, wallId, query, opened);
      return { ...page, posts: page.posts.map((p) => ({ ...livePost(p), mine: p.mine })) };
    },

    /** Every wall, newest first, a page at a time (staff and admins). */
    async pageWalls(caller: Caller, query: unknown = {}): Promise<Page<WallView>> {
      authorize(wallsPolicy, "listAllWalls", caller.actor);
      const q = parseInput(wallsPageInput, query, caller.locale);
      const cursor = wallPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(wallPages.columns(getTableColumns(walls)))
        .from(walls)
        .where(wallPages.after(cursor))
        .orderBy(...wallPages.orderBy)
        .limit(wallPages.fetch(q.limit));
      const page = wallPages.page(rows, q.limit);
      const ids = page.items.map((w) => w.id);
      const sections = ids.length ? await db.select().from(wallSections).where(inArray(wallSections.wallId, ids)) : [];
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((w) =>
          presentWall(
            w,
            sections.filter((s) => s.wallId === w.id),
          ),
        ),
      };
    },
  };
}

export type WallService = ReturnType<typeof createWallService>;
