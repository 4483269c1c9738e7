import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Caller } from "../../core/caller.ts";
import { authorize } from "../../core/policy.ts";
import { parseInput } from "../../core/validate.ts";
import type { Db } from "../../db/client.ts";
import { deliverableSections, deliverables } from "../deliverables/schema.ts";
import { events } from "../events/schema.ts";
import { workingGroups } from "../groups/schema.ts";
import { wallPosts, walls } from "../walls/schema.ts";
import { publishingPolicy } from "./policy.ts";
import { posts } from "./schema.ts";
import { isPublic } from "./service.ts";

export const searchKinds = ["post", "event", "wallPost", "deliverable"] as const;
export type SearchKind = (typeof searchKinds)[number];

export interface SearchHit {
  /** The post's, event's, wall post's or deliverable's id. */
  id: string;
  kind: SearchKind;
  title: string;
  path: string;
  /** The matching words in <mark>, everything else escaped: safe HTML. */
  snippetHtml: string;
  rank: number;
  locale: "fi" | "sv" | "en";
}

export const searchInput = z.object({
  q: z.string().trim().max(200, { message: "publishing.search.tooLong" }).default(""),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

// ts_headline marks the matches with two private-use characters, removed from the text first, so the snippet can be
// escaped as text and only then get its <mark> tags: the content's own characters never become markup.
const open = "\uE000";
const close = "\uE001";
const headlineOptions = `StartSel=${open}, StopSel=${close}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export const snippetHtml = (headline: string) =>
  escapeHtml(headline).replaceAll(open, "<mark>").replaceAll(close, "</mark>");

/**
 * The words of a search as a tsquery text: letters and digits only (so nothing typed is tsquery syntax), each a
 * prefix (`:*`) and all of them required. The prefix is what lets "allianssi" find "allianssimallin": the Finnish
 * snowball stemmer does not split compounds ("allianssimallin" is stemmed to "allianssimal", "allianssi" to
 * "allians"), so the stem of the word typed must match the start of the stored one.
 */
export function queryText(q: string): string | null {
  const words = q
    .normalize("NFC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
  return words.length === 0 ? null : words.map((w) => `${w}:*`).join(" & ");
}

/** The text search configuration of a post's language (posts.locale). */
const configOf = (locale: SQL) =>
  sql`(case ${locale} when 'fi' then 'finnish'::regconfig when 'sv' then 'swedish'::regconfig else 'english'::regconfig end)`;
const clean = (text: SQL) => sql`replace(replace(${text}, ${open}, ''), ${close}, '')`;

/**
 * Full-text search over published posts (in each post's language: Finnish, Swedish or English stemming), public
 * events and the visible posts of walls open by link (in Finnish: they have no language of their own), and
 * published deliverables (in each one's language). Ranked by ts_rank, best first; the matches highlighted by
 * ts_headline. The same SQL on PGlite and PostgreSQL (both ship the snowball configurations).
 */
export function createSearchService({ db }: { db: Db }) {
  return {
    async search(caller: Caller, input: unknown): Promise<{ query: string; hits: SearchHit[] }> {
      authorize(publishingPolicy, "readPublished", caller.actor);
      const { q, limit } = parseInput(searchInput, input, caller.locale);
      const text = queryText(q);
      if (!text) return { query: q, hits: [] };
      const fi = sql`'finnish'::regconfig`;
      const postConfig = configOf(sql`${posts.locale}`);
      const postQuery = sql`to_tsquery(${postConfig}, ${text})`;
      const fiQuery = sql`to_tsquery(${fi}, ${text})`;
      const eventDoc = sql`setweight(to_tsvector(${fi}, ${events.title}), 'A') || setweight(to_tsvector(${fi}, ${events.description}), 'B')`;
      const wallDoc = sql`setweight(to_tsvector(${fi}, coalesce(${wallPosts.title}, '')), 'A') || setweight(to_tsvector(${fi}, ${wallPosts.body}), 'B')`;
      const sectionsText = sql`coalesce((select string_agg(${deliverableSections.title} || ' ' || ${deliverableSections.body}, ' ') from ${deliverableSections} where ${deliverableSections.deliverableId} = ${deliverables.id}), '')`;
      const deliverableConfig = configOf(sql`${deliverables.locale}`);
      const deliverableQuery = sql`to_tsquery(${deliverableConfig}, ${text})`;
      const deliverableDoc = sql`setweight(to_tsvector(${deliverableConfig}, ${deliverables.title}), 'A') || setweight(to_tsvector(${deliverableConfig}, ${sectionsText}), 'C')`;

      const result = await db.execute(sql`
        select * from (
          select ${posts.id}::text as id, 'post' as kind, ${posts.title} as title, '/blog/' || ${posts.slug} as path, ${posts.locale}::text as locale,
            ts_rank(${posts.searchVector}, ${postQuery}) as rank,
            ts_headline(${postConfig}, ${clean(sql`${posts.summary} || ' ' || ${posts.body}`)}, ${postQuery}, ${headlineOptions}) as headline
          from ${posts}
          where ${isPublic()} and ${posts.searchVector} @@ ${postQuery}
          union all
          select ${events.id}::text, 'event', ${events.title}, '/e/' || ${events.slug}, 'fi',
            ts_rank(${eventDoc}, ${fiQuery}),
            ts_headline(${fi}, ${clean(sql`${events.title} || ' ' || ${events.description}`)}, ${fiQuery}, ${headlineOptions})
          from ${events}
          where ${events.isPublic} and ${eventDoc} @@ ${fiQuery}
          union all
          select ${wallPosts.id}::text, 'wallPost', ${walls.title}, '/w/' || ${walls.slug}, 'fi',
            ts_rank(${wallDoc}, ${fiQuery}),
            ts_headline(${fi}, ${clean(sql`coalesce(${wallPosts.title} || ' ', '') || ${wallPosts.body}`)}, ${fiQuery}, ${headlineOptions})
          from ${wallPosts} join ${walls} on ${walls.id} = ${wallPosts.wallId}
          where ${walls.access} = 'link' and ${wallPosts.status} = 'visible' and ${wallPosts.deletedAt} is null
            and ${wallDoc} @@ ${fiQuery}
          union all
          select ${deliverables.id}::text, 'deliverable', ${deliverables.title}, '/d/' || ${deliverables.id}, ${deliverables.locale}::text,
            ts_rank(${deliverableDoc}, ${deliverableQuery}),
            ts_headline(${deliverableConfig}, ${clean(sql`${deliverables.title} || ' ' || ${sectionsText}`)}, ${deliverableQuery}, ${headlineOptions})
          from ${deliverables} join ${workingGroups} on ${workingGroups.id} = ${deliverables.groupId}
          where ${deliverables.isPublic} and ${workingGroups.isPublic} and ${deliverableDoc} @@ ${deliverableQuery}
        ) hits
        order by rank desc, title
        limit ${limit}
      `);
      const rows = ((result as { rows?: unknown[] }).rows ?? (result as unknown[])) as {
        id: string;
        kind: SearchKind;
        title: string;
        path: string;
        locale: "fi" | "sv" | "en";
        rank: number | string;
        headline: string;
      }[];
      return {
        query: q,
        hits: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          path: r.path,
          locale: r.locale,
          rank: Number(r.rank),
          snippetHtml: snippetHtml(r.headline),
        })),
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
