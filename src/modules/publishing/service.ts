import { and, arrayContains, asc, desc, eq, getTableColumns, inArray, lte, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor, Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { keyset, type Page, pageQuery } from "../../core/pagination.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import { createWritePath, type WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { Locale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import { users } from "../accounts/schema.ts";
import { claimUpload } from "../files/uploads.ts";
import { organisations } from "../people/schema.ts";
import { publishingAudit } from "./audit.ts";
import { maxListedTags, type PostLocale, postKinds, postLocales, tagPattern } from "./constants.ts";

const isPostLocale = (value: unknown): value is PostLocale => (postLocales as readonly unknown[]).includes(value);

import {
  coverHasAlt,
  hasAuthor,
  type PostInput,
  type PostPatch,
  type PublishInput,
  postInput,
  postPatch,
  publishInput,
} from "./inputs.ts";
import { canReadDrafts, publishingPolicy } from "./policy.ts";
import { type PostView, presentPost } from "./presenters.ts";
import { postRevisions, posts } from "./schema.ts";
import { slugify } from "./slug.ts";

// The search vector stays in the database: it is for search.ts's queries, not for reading.
const { searchVector: _searchVector, ...postColumns } = getTableColumns(posts);

export { postColumns };
export type PostRow = Omit<typeof posts.$inferSelect, "searchVector">;

/** The name of the job that publishes a scheduled post at its time. */
export const publishJob = "publishing.publish";

/** Who wrote a post, as shown with it. */
export interface PostAuthor {
  personId: string | null;
  name: string;
  organisation: string;
  title: string;
}

/** A post with its author resolved: what presenters take. */
export interface PostRecord {
  post: PostRow;
  author: PostAuthor;
}

/** `?cursor=&limit=&tag=&locale=&kind=&year=&month=` of the public lists. */
export const publishedPageInput = z.object({
  ...pageQuery({ defaultLimit: 10, maxLimit: 100 }),
  tag: z.string().trim().toLowerCase().max(60).optional(),
  locale: z.enum(postLocales).optional(),
  kind: z.enum(postKinds).optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  month: z.coerce.number().int().min(1).max(12).optional(),
});
export type PublishedPageQuery = z.input<typeof publishedPageInput>;

/** `?cursor=&limit=` of staff's list of every post (drafts too), last changed first. */
export const allPostsPageInput = z.object(pageQuery({ defaultLimit: 50, maxLimit: 200 }));

const publishedPages = keyset({
  list: "posts",
  key: posts.publishAt,
  keyType: "timestamp",
  id: posts.id,
  idType: "uuid",
  order: "desc",
});
const allPages = keyset({
  list: "posts-all",
  key: posts.updatedAt,
  keyType: "timestamp",
  id: posts.id,
  idType: "uuid",
  order: "desc",
});

/** Public: published, and its time has come (a scheduled post the job has not reached yet stays hidden). */
export const isPublic = () => and(eq(posts.status, "published"), lte(posts.publishAt, sql`now()`));

const fieldError = (locale: Locale, path: string, key: Parameters<typeof translate>[1]) =>
  new AppError("VALIDATION_FAILED", [{ path, message: translate(locale, key) }]);

/** The fields a revision keeps of the version it replaces. */
const revisionContent = (p: PostRow) => ({
  kind: p.kind,
  locale: p.locale,
  title: p.title,
  summary: p.summary,
  body: p.body,
  tags: p.tags,
  authorPersonId: p.authorPersonId,
  authorName: p.authorName,
  authorOrganisation: p.authorOrganisation,
  authorTitle: p.authorTitle,
  coverFileId: p.coverFileId,
  coverAlt: p.coverAlt,
});

/**
 * Blog posts and news: written by staff as drafts, published now or scheduled (a job publishes it at its time,
 * sent in the same transaction, so a restart loses no schedule), corrected with their history kept.
 */
export function createPostService({
  db,
  writes = createWritePath(db),
  jobs,
}: {
  db: Db;
  writes?: WritePath;
  /** Without a queue (some tests) a schedule is published by publishDue() alone. */
  jobs?: JobQueue;
}) {
  const write = writes(publishingAudit);
  const system: Caller = { actor: null, locale: "fi" };

  async function withAuthors(rows: PostRow[], from: Db | Tx = db): Promise<PostRecord[]> {
    const personIds = [...new Set(rows.map((r) => r.authorPersonId).filter((id): id is string => id !== null))];
    const people =
      personIds.length === 0
        ? []
        : await from
            .select({ id: users.id, name: users.name, title: users.title, organisation: organisations.name })
            .from(users)
            .leftJoin(organisations, eq(organisations.id, users.organisationId))
            .where(inArray(users.id, personIds));
    return rows.map((post) => {
      const person = people.find((p) => p.id === post.authorPersonId);
      return {
        post,
        author: person
          ? {
              personId: person.id,
              name: person.name,
              organisation: person.organisation ?? "",
              title: person.title ?? "",
            }
          : {
              personId: null,
              name: post.authorName,
              organisation: post.authorOrganisation,
              title: post.authorTitle,
            },
      };
    });
  }

  async function findById(from: Db | Tx, id: string): Promise<PostRow | null> {
    if (!z.uuid().safeParse(id).success) return null;
    const [row] = await from.select(postColumns).from(posts).where(eq(posts.id, id));
    return row ?? null;
  }

  async function mustFind(from: Db | Tx, id: string): Promise<PostRow> {
    const row = await findById(from, id);
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  async function freeSlug(tx: Tx, title: string): Promise<string> {
    const base = slugify(title);
    const taken = new Set(
      (
        await tx
          .select({ slug: posts.slug })
          .from(posts)
          .where(sql`${posts.slug} = ${base} or ${posts.slug} like ${`${base}-%`}`)
      ).map((r) => r.slug),
    );
    if (!taken.has(base)) return base;
    for (let n = 2; ; n += 1) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
  }

  async function checkAuthorPerson(tx: Tx, locale: Locale, personId: string | null | undefined) {
    if (!personId) return;
    const [person] = await tx.select({ id: users.id }).from(users).where(eq(users.id, personId));
    if (!person) throw fieldError(locale, "authorPersonId", "publishing.author.unknown");
  }

  async function claimCover(tx: Tx, locale: Locale, fileId: string | null | undefined, current: string | null) {
    if (!fileId || fileId === current) return;
    if (!(await claimUpload(tx, fileId))) throw fieldError(locale, "coverFileId", "publishing.cover.unknown");
  }

  const refuseLeak = (actor: Actor | null, row: PostRow | null): PostRow => {
    const visible =
      row &&
      (canReadDrafts(actor) ||
        (row.status === "published" && row.publishAt !== null && row.publishAt.getTime() <= Date.now()));
    if (!row || !visible) throw new AppError("NOT_FOUND");
    return row;
  };

  return {
    /** A new draft. */
    async create(caller: Caller, input: PostInput | unknown): Promise<PostRecord> {
      return write({
        caller,
        allow: () => authorize(publishingPolicy, "writePosts", caller.actor),
        input: { schema: postInput, value: input },
        run: async ({ tx, data, audit }) => {
          await checkAuthorPerson(tx, caller.locale, data.authorPersonId);
          await claimCover(tx, caller.locale, data.coverFileId, null);
          const [row] = await tx
            .insert(posts)
            .values({
              ...data,
              authorPersonId: data.authorPersonId ?? null,
              coverFileId: data.coverFileId ?? null,
              coverAlt: data.coverFileId ? (data.coverAlt ?? null) : null,
              slug: await freeSlug(tx, data.title),
              status: "draft",
              createdBy: caller.actor?.id ?? null,
            })
            .returning(postColumns);
          if (!row) throw new Error("insert returned nothing");
          await audit("post.create", { type: "post", id: row.id }, { kind: row.kind, slug: row.slug });
          return (await withAuthors([row], tx))[0] as PostRecord;
        },
      });
    },

    /**
     * A change. The version it replaces is kept (post_revisions); a change to a published post is a correction:
     * its page says "updated" with the time. The slug never changes, so the post's URL stays.
     */
    async update(caller: Caller, id: string, patch: PostPatch | unknown): Promise<PostRecord> {
      return write({
        caller,
        allow: () => authorize(publishingPolicy, "writePosts", caller.actor),
        input: { schema: postPatch, value: patch },
        run: async ({ tx, data, audit }) => {
          const [current] = await tx.select(postColumns).from(posts).where(eq(posts.id, id)).for("update");
          if (!current || !z.uuid().safeParse(id).success) throw new AppError("NOT_FOUND");
          const merged = { ...current, ...data };
          if (!hasAuthor(merged)) throw fieldError(caller.locale, "authorName", "publishing.author.required");
          if (!coverHasAlt(merged)) throw fieldError(caller.locale, "coverAlt", "publishing.cover.altRequired");
          await checkAuthorPerson(tx, caller.locale, data.authorPersonId);
          await claimCover(tx, caller.locale, data.coverFileId, current.coverFileId);
          await tx.insert(postRevisions).values({
            postId: current.id,
            revision: current.revision,
            content: revisionContent(current),
            replacedBy: caller.actor?.id ?? null,
          });
          const correction = current.status === "published";
          const now = new Date();
          const [row] = await tx
            .update(posts)
            .set({
              ...data,
              coverAlt: merged.coverFileId ? merged.coverAlt : null,
              revision: current.revision + 1,
              updatedAt: now,
              ...(correction ? { correctedAt: now } : {}),
            })
            .where(eq(posts.id, id))
            .returning(postColumns);
          if (!row) throw new AppError("NOT_FOUND");
          await audit(
            correction ? "post.correct" : "post.update",
            { type: "post", id },
            { revision: row.revision, fields: Object.keys(data) },
          );
          return (await withAuthors([row], tx))[0] as PostRecord;
        },
      });
    },

    /**
     * Publishes now (no time, or the time now) or schedules for a time to come; a time in the past is refused. A
     * post published before keeps its original time (and URL) when published again.
     */
    async publish(caller: Caller, id: string, input: PublishInput | unknown = {}): Promise<PostRecord> {
      return write({
        caller,
        allow: () => authorize(publishingPolicy, "writePosts", caller.actor),
        input: { schema: publishInput, value: input },
        run: async ({ tx, data, audit }) => {
          const current = await mustFind(tx, id);
          const now = Date.now();
          const requested = data.publishAt ? new Date(data.publishAt) : undefined;
          // A minute's grace: "now" typed into a form is a little in the past by the time it arrives.
          if (requested && requested.getTime() < now - 60_000)
            throw fieldError(caller.locale, "publishAt", "publishing.publishAt.past");
          const later = requested !== undefined && requested.getTime() > now;
          const publishAt = later ? requested : (current.publishAt ?? new Date(now));
          const [row] = await tx
            .update(posts)
            .set({ status: later ? "scheduled" : "published", publishAt, updatedAt: new Date(now) })
            .where(eq(posts.id, id))
            .returning(postColumns);
          if (!row) throw new AppError("NOT_FOUND");
          if (later) {
            await jobs?.send(publishJob, { postId: id }, { tx, startAfter: publishAt });
            await audit("post.schedule", { type: "post", id }, { publishAt: publishAt.toISOString() });
          } else {
            await audit("post.publish", { type: "post", id }, { publishAt: publishAt.toISOString() });
          }
          return (await withAuthors([row], tx))[0] as PostRecord;
        },
      });
    },

    /** Back to a draft (a scheduled post is not published at its time; a published one leaves the site). */
    async unpublish(caller: Caller, id: string): Promise<PostRecord> {
      return write({
        caller,
        allow: () => authorize(publishingPolicy, "writePosts", caller.actor),
        run: async ({ tx, audit }) => {
          await mustFind(tx, id);
          const [row] = await tx
            .update(posts)
            .set({ status: "draft", updatedAt: new Date() })
            .where(eq(posts.id, id))
            .returning(postColumns);
          if (!row) throw new AppError("NOT_FOUND");
          await audit("post.unpublish", { type: "post", id });
          return (await withAuthors([row], tx))[0] as PostRecord;
        },
      });
    },

    /**
     * Publishes every scheduled post whose time has come (the publish job and its minutely sweep run this; a
     * post unpublished or rescheduled meanwhile is not touched). Audited as the workspace's own write.
     */
    async publishDue(): Promise<number> {
      const due = await db
        .select({ id: posts.id })
        .from(posts)
        .where(and(eq(posts.status, "scheduled"), lte(posts.publishAt, sql`now()`)));
      let published = 0;
      for (const { id } of due) {
        const done = await write({
          caller: system,
          allow: () => undefined,
          run: async ({ tx, audit, unchanged }) => {
            const [row] = await tx
              .update(posts)
              .set({ status: "published" })
              .where(and(eq(posts.id, id), eq(posts.status, "scheduled"), lte(posts.publishAt, sql`now()`)))
              .returning({ id: posts.id, publishAt: posts.publishAt });
            if (!row) {
              unchanged();
              return false;
            }
            await audit("post.publish", { type: "post", id }, { scheduled: true, publishAt: row.publishAt });
            return true;
          },
        });
        if (done) published += 1;
      }
      return published;
    },

    /** A post by its URL's slug: public once published, drafts to those who may read them. */
    async getBySlug(caller: Caller, slug: string): Promise<PostRecord> {
      authorize(publishingPolicy, "readPublished", caller.actor);
      const [row] = await db
        .select(postColumns)
        .from(posts)
        .where(eq(posts.slug, slug.slice(0, 200)));
      return (await withAuthors([refuseLeak(caller.actor, row ?? null)]))[0] as PostRecord;
    },

    /** Any post by id (drafts too), for its editor. */
    async getById(caller: Caller, id: string): Promise<PostRecord> {
      authorize(publishingPolicy, "readDrafts", caller.actor);
      return (await withAuthors([await mustFind(db, id)]))[0] as PostRecord;
    },

    /** Published posts, newest first; by tag, language, kind, year and month. */
    async listPublished(caller: Caller, query: PublishedPageQuery | unknown = {}): Promise<Page<PostRecord>> {
      authorize(publishingPolicy, "readPublished", caller.actor);
      const q = parseInput(publishedPageInput, query, caller.locale);
      const cursor = publishedPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(publishedPages.columns({ post: postColumns }))
        .from(posts)
        .where(
          and(
            isPublic(),
            q.tag ? arrayContains(posts.tags, [q.tag]) : undefined,
            q.locale ? eq(posts.locale, q.locale) : undefined,
            q.kind ? eq(posts.kind, q.kind) : undefined,
            q.year ? sql`extract(year from ${posts.publishAt} at time zone 'Europe/Helsinki') = ${q.year}` : undefined,
            q.month
              ? sql`extract(month from ${posts.publishAt} at time zone 'Europe/Helsinki') = ${q.month}`
              : undefined,
            publishedPages.after(cursor),
          ),
        )
        .orderBy(...publishedPages.orderBy)
        .limit(publishedPages.fetch(q.limit));
      const page = publishedPages.page(rows, q.limit);
      return { items: await withAuthors(page.items.map((r) => r.post)), nextCursor: page.nextCursor };
    },

    /** Every post, drafts and scheduled ones too, last changed first (staff's list). */
    async listAll(caller: Caller, query: unknown = {}): Promise<Page<PostRecord>> {
      authorize(publishingPolicy, "readDrafts", caller.actor);
      const q = parseInput(allPostsPageInput, query, caller.locale);
      const cursor = allPages.decode(q.cursor, caller.locale);
      const rows = await db
        .select(allPages.columns({ post: postColumns }))
        .from(posts)
        .where(allPages.after(cursor))
        .orderBy(...allPages.orderBy)
        .limit(allPages.fetch(q.limit));
      const page = allPages.page(rows, q.limit);
      return { items: await withAuthors(page.items.map((r) => r.post)), nextCursor: page.nextCursor };
    },

    /**
     * Published posts with these ids, presented for anyone, in the order asked (the newsletter quotes them by id,
     * title, summary and path); `locale`: only those in that language. Unknown, draft and malformed ids are left out.
     */
    async publishedByIds(ids: readonly string[], locale?: string): Promise<PostView[]> {
      const valid = ids.filter((id) => z.uuid().safeParse(id).success);
      if (valid.length === 0) return [];
      const rows = await db
        .select(postColumns)
        .from(posts)
        .where(and(isPublic(), inArray(posts.id, valid), isPostLocale(locale) ? eq(posts.locale, locale) : undefined));
      if (locale !== undefined && !isPostLocale(locale)) return [];
      const ordered = valid.flatMap((id) => rows.filter((r) => r.id === id));
      return (await withAuthors(ordered)).map((record) => presentPost(record));
    },

    /** The earlier versions of a post, newest first. */
    async revisions(caller: Caller, id: string) {
      authorize(publishingPolicy, "readDrafts", caller.actor);
      await mustFind(db, id);
      return db.select().from(postRevisions).where(eq(postRevisions.postId, id)).orderBy(desc(postRevisions.revision));
    },

    /** The most used tags of published posts (maxListedTags) with how many posts each has, A–Z. */
    async tags(caller: Caller): Promise<{ tag: string; count: number }[]> {
      authorize(publishingPolicy, "readPublished", caller.actor);
      // Counted by the database: one row per tag, not one per post and tag (20,000 rows at 10,000 posts), and only
      // the most used maxListedTags of them, however many distinct tags the posts have.
      const result = await db.execute<{ tag: string; count: number }>(sql`
        select t.tag, count(*)::int as count
        from ${posts} cross join lateral unnest(${posts.tags}) as t(tag)
        where ${isPublic()}
        group by t.tag
        order by count(*) desc, t.tag
        limit ${maxListedTags}`);
      const rows = (result as unknown as { rows: { tag: string; count: number }[] }).rows;
      return rows
        .map(({ tag, count }) => ({ tag, count: Number(count) }))
        .sort((a, b) => a.tag.localeCompare(b.tag, "fi"));
    },

    /** Whether a published post carries the tag (the feeds' 404 for an unknown tag). */
    async tagExists(tag: string): Promise<boolean> {
      if (!tagPattern.test(tag)) return false;
      const [row] = await db
        .select({ id: posts.id })
        .from(posts)
        .where(and(isPublic(), arrayContains(posts.tags, [tag])))
        .limit(1);
      return row !== undefined;
    },

    /** Published posts by year and month (Finnish time), newest first: the archive's index. */
    async archive(caller: Caller): Promise<{ year: number; month: number; count: number }[]> {
      authorize(publishingPolicy, "readPublished", caller.actor);
      const year = sql<number>`extract(year from ${posts.publishAt} at time zone 'Europe/Helsinki')::int`;
      const month = sql<number>`extract(month from ${posts.publishAt} at time zone 'Europe/Helsinki')::int`;
      const rows = await db
        .select({ year, month, count: sql<number>`count(*)::int` })
        .from(posts)
        .where(isPublic())
        .groupBy(year, month)
        .orderBy(desc(year), desc(month));
      return rows.map((r) => ({ year: Number(r.year), month: Number(r.month), count: Number(r.count) }));
    },

    /** The newest published posts for a feed (and when the newest of them last changed). */
    async forFeed(filter: { tag?: string; locale?: PostLocale; limit?: number }): Promise<PostRecord[]> {
      const rows = await db
        .select(postColumns)
        .from(posts)
        .where(
          and(
            isPublic(),
            filter.tag ? arrayContains(posts.tags, [filter.tag]) : undefined,
            filter.locale ? eq(posts.locale, filter.locale) : undefined,
          ),
        )
        .orderBy(desc(posts.publishAt), asc(posts.id))
        .limit(filter.limit ?? 50);
      return withAuthors(rows);
    },

    /** Whether a cover image may be shown: a published post uses it, or the caller reads drafts. */
    async coverVisible(caller: Caller, fileId: string): Promise<boolean> {
      if (!z.uuid().safeParse(fileId).success) return false;
      if (canReadDrafts(caller.actor)) return true;
      const [row] = await db
        .select({ id: posts.id })
        .from(posts)
        .where(and(isPublic(), eq(posts.coverFileId, fileId)))
        .limit(1);
      return row !== undefined;
    },
  };
}

export type PostService = ReturnType<typeof createPostService>;
