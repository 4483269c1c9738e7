import { and, desc, eq, getTableColumns, isNull, ne } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import { postKeySql } from "./change-log.ts";
import type { OutgoingChange, WallHub } from "./hub.ts";
import { type LivePostView, livePost, presentPost, presentPublicPost } from "./presenters.ts";
import { wallPosts } from "./schema.ts";

/** A post in a copy of a wall's first page: what is shown, who wrote it (never sent) and its place. */
interface Entry {
  view: LivePostView;
  participantHash: string;
  /** created_at at microsecond precision, as the list's cursors carry it. */
  key: string;
}

/** One audience's first page: every pinned post, and the newest others (one more than a page, for its cursor). */
interface Audience {
  pinned: Entry[];
  rows: Entry[];
  /** `rows` holds every unpinned post this audience sees (the wall is short), not only the newest. */
  complete: boolean;
}

interface WallCopy {
  /** The last change applied: the page shows at least everything up to it. */
  seq: number;
  public: Audience;
  moderator: Audience;
  /** Posts not visible to the public (pending, hidden) and their writers, who see their own in the list. */
  unlisted: Map<string, string>;
  stop(): void;
}

/** One page of a copy, for a viewer: its entries (with who wrote them) and the next page's cursor key. */
export interface CachedPage {
  seq: number;
  entries: Entry[];
  /** The last shown unpinned entry, when older posts follow (the caller turns it into a cursor). */
  next: Entry | null;
}

const newestFirst = (a: Entry, b: Entry) =>
  a.key < b.key ? 1 : a.key > b.key ? -1 : a.view.id < b.view.id ? 1 : a.view.id > b.view.id ? -1 : 0;

/** Thrown inside apply() for a change the copy cannot follow: the copy is dropped and read again when asked. */
class CannotApply extends Error {}

/**
 * Copies of walls' first pages of posts, one per audience (the public, the wall's moderators), so a hall
 * opening a wall at once does not read and present the same posts thousands of times. A copy is read from
 * the database when first asked for and then kept current from the wall's change log as the hub dispatches
 * it (on every instance, so a change made on another one is applied here too); a change it cannot apply
 * drops the copy. A viewer whose own post is held for approval or hidden (which only they and the
 * moderators see) is answered from the database.
 */
export function createFirstPageCache({
  db,
  hub,
  pageRows = 200,
  maxWalls = 64,
}: {
  db: Db;
  hub: WallHub;
  /** The largest page a copy answers (the list's default); a larger one is read from the database. */
  pageRows?: number;
  /** Walls with a copy at once; the least recently read one is dropped beyond it. */
  maxWalls?: number;
}) {
  const copies = new Map<string, WallCopy>();
  const filling = new Map<string, Promise<WallCopy | null>>();
  const window = pageRows + 1;

  function drop(wallId: string, copy: WallCopy) {
    if (copies.get(wallId) !== copy) return;
    copies.delete(wallId);
    copy.stop();
  }

  async function readAudience(wallId: string, moderator: boolean): Promise<Audience> {
    const readable = and(
      eq(wallPosts.wallId, wallId),
      isNull(wallPosts.deletedAt),
      moderator ? undefined : eq(wallPosts.status, "visible"),
    );
    const present = moderator ? presentPost : presentPublicPost;
    const columns = { ...getTableColumns(wallPosts), key: postKeySql };
    const [pinned, rows] = await Promise.all([
      db
        .select(columns)
        .from(wallPosts)
        .where(and(readable, eq(wallPosts.pinned, true))),
      db
        .select(columns)
        .from(wallPosts)
        .where(and(readable, eq(wallPosts.pinned, false)))
        .orderBy(...newestFirstSql)
        .limit(window),
    ]);
    const entry = (row: (typeof rows)[number]): Entry => ({
      view: livePost(present(row)),
      participantHash: row.participantHash,
      key: row.key,
    });
    return { pinned: pinned.map(entry).sort(newestFirst), rows: rows.map(entry), complete: rows.length < window };
  }

  async function fill(wallId: string, lastSeq: number, wokenBefore: number): Promise<WallCopy | null> {
    // Changes dispatched while the posts are read wait here, then apply on top of what was read.
    const waiting: OutgoingChange[] = [];
    let copy: WallCopy | null = null;
    const observer = (change: OutgoingChange) => {
      if (!copy) waiting.push(change);
      else if (copies.get(wallId) === copy) {
        try {
          apply(copy, change);
        } catch (error) {
          if (!(error instanceof CannotApply)) throw error;
          drop(wallId, copy);
        }
      }
    };
    const observed = hub.observe(wallId, lastSeq, wokenBefore, observer);
    try {
      const [publicPage, moderatorPage, unlisted] = await Promise.all([
        readAudience(wallId, false),
        readAudience(wallId, true),
        db
          .select({ id: wallPosts.id, participantHash: wallPosts.participantHash })
          .from(wallPosts)
          .where(and(eq(wallPosts.wallId, wallId), isNull(wallPosts.deletedAt), ne(wallPosts.status, "visible"))),
      ]);
      const made: WallCopy = {
        // What was read shows every change up to the wall's seq read before it, and up to what the hub had
        // dispatched when the copy began to follow (committed before the reads began).
        seq: Math.max(lastSeq, observed.dispatched),
        public: publicPage,
        moderator: moderatorPage,
        unlisted: new Map(unlisted.map((u) => [u.id, u.participantHash])),
        stop: observed.stop,
      };
      for (const change of waiting) apply(made, change);
      copy = made;
      copies.set(wallId, made);
      while (copies.size > maxWalls) {
        const [oldest, oldestCopy] = copies.entries().next().value as [string, WallCopy];
        drop(oldest, oldestCopy);
      }
      return made;
    } catch (error) {
      observed.stop();
      if (error instanceof CannotApply) return null;
      throw error;
    }
  }

  function apply(copy: WallCopy, change: OutgoingChange): void {
    if (change.seq <= copy.seq) return;
    copy.seq = change.seq;
    const data = change.data;
    if (!data) throw new CannotApply();
    const moderator = data.moderator as Frame | null;
    if (moderator?.type === "post" && data.post) {
      if (moderator.post.status === "visible") copy.unlisted.delete(moderator.post.id);
      else copy.unlisted.set(moderator.post.id, data.post.participantHash);
    } else if (moderator?.type === "post.removed") copy.unlisted.delete(moderator.id);
    applyTo(copy.public, data.public as Frame | null, data.post);
    applyTo(copy.moderator, moderator, data.post);
  }

  function applyTo(audience: Audience, frame: Frame | null, post: NonNullable<OutgoingChange["data"]>["post"]) {
    if (!frame) return;
    switch (frame.type) {
      case "post": {
        if (!post || post.id !== frame.post.id) throw new CannotApply();
        remove(audience, post.id);
        const { body: _source, ...shown } = frame.post as LivePostView & { body?: string };
        insert(audience, { view: shown, participantHash: post.participantHash, key: post.key });
        return;
      }
      case "post.removed":
        remove(audience, frame.id);
        return;
      case "reactions":
        for (const list of [audience.pinned, audience.rows]) {
          const at = list.findIndex((e) => e.view.id === frame.id);
          const found = list[at];
          if (found) list[at] = { ...found, view: { ...found.view, likes: frame.likes, votes: frame.votes } };
        }
        return;
      case "post.scrubbed":
      case "wall":
        return;
      default:
        throw new CannotApply();
    }
  }

  function remove(audience: Audience, id: string) {
    audience.pinned = audience.pinned.filter((e) => e.view.id !== id);
    const before = audience.rows.length;
    audience.rows = audience.rows.filter((e) => e.view.id !== id);
    // One fewer than a page and a cursor's worth, and older posts unknown: the copy can no longer say them.
    if (audience.rows.length < before && !audience.complete && audience.rows.length < window) throw new CannotApply();
  }

  function insert(audience: Audience, entry: Entry) {
    if (entry.view.pinned) {
      audience.pinned = [...audience.pinned, entry].sort(newestFirst);
      return;
    }
    const last = audience.rows.at(-1);
    // Older than the copy's oldest while posts older still are not in it: not on the first page.
    if (!audience.complete && last && newestFirst(entry, last) > 0) return;
    audience.rows = [...audience.rows, entry].sort(newestFirst);
    if (audience.rows.length > window) {
      audience.rows.pop();
      audience.complete = false;
    }
  }

  return {
    /**
     * The first `limit` posts for a viewer, from the wall's copy (read first if there is none), or null
     * when a copy cannot answer: a larger page, or a viewer with their own unlisted post.
     * `lastSeq` is the wall's seq as just read, `wokenBefore` the hub's wake count taken before that read.
     */
    async read(
      wallId: string,
      viewer: { moderator: boolean; participantHash: string | null },
      limit: number,
      lastSeq: number,
      wokenBefore: number,
    ): Promise<CachedPage | null> {
      if (limit > pageRows) return null;
      let copy = copies.get(wallId) ?? null;
      // The wall's seq is below the copy's: its log went back (a restore), so the copy shows posts that are gone.
      if (copy && copy.seq > lastSeq) {
        drop(wallId, copy);
        copy = null;
      }
      if (copy) {
        // Most recently read last: the first in the map is the one dropped.
        copies.delete(wallId);
        copies.set(wallId, copy);
      } else {
        let pending = filling.get(wallId);
        if (!pending) {
          pending = fill(wallId, lastSeq, wokenBefore).finally(() => filling.delete(wallId));
          filling.set(wallId, pending);
        }
        copy = await pending;
        if (!copy) return null;
      }
      const own = viewer.participantHash;
      if (!viewer.moderator && own !== null) {
        for (const writer of copy.unlisted.values()) if (writer === own) return null;
      }
      const audience = viewer.moderator ? copy.moderator : copy.public;
      const shown = audience.rows.slice(0, limit);
      return {
        seq: copy.seq,
        entries: [...audience.pinned, ...shown],
        next: audience.rows.length > limit ? (shown.at(-1) ?? null) : null,
      };
    },

    /** How many walls have a copy (tests, diagnostics). */
    size: () => copies.size,

    /** Drops every copy (shutdown). */
    clear(): void {
      for (const [wallId, copy] of [...copies]) drop(wallId, copy);
    },
  };
}

export type FirstPageCache = ReturnType<typeof createFirstPageCache>;

type Frame =
  | { type: "post"; post: LivePostView }
  | { type: "post.removed"; id: string }
  | { type: "post.scrubbed"; id: string }
  | { type: "reactions"; id: string; likes: number; votes: number }
  | { type: "wall" };

const newestFirstSql = [desc(wallPosts.createdAt), desc(wallPosts.id)] as const;
