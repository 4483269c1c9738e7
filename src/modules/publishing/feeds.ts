import { createHash } from "node:crypto";
import type { PostLocale } from "./constants.ts";
import { coverPath, postPath } from "./presenters.ts";
import { renderArticleBody } from "./render.ts";
import type { PostRecord } from "./service.ts";

export type FeedFormat = "rss" | "atom";

export interface FeedChannel {
  /** The feed's own address (absolute). */
  self: string;
  /** The page the feed is of (absolute). */
  page: string;
  title: string;
  description: string;
  language: PostLocale | null;
}

/** XML 1.0 text: the five predefined entities, and no character XML forbids (C0 controls but tab and newline). */
export const xmlEscape = (text: string) =>
  text
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are what XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

/** Links and images in a body point at this site with absolute URLs (a feed reader has no base address). */
export const absoluteLinks = (html: string, base: string) =>
  html.replace(/\s(href|src)="\/(?!\/)/g, (_, attribute: string) => ` ${attribute}="${base}/`);

const authorLine = (r: PostRecord) =>
  [r.author.name, r.author.organisation, r.author.title].filter((part) => part !== "").join(", ");

/** When a post last changed for its readers: its correction, or its publication. */
export const changedAt = (r: PostRecord): Date => r.post.correctedAt ?? (r.post.publishAt as Date);

/** The newest change among the posts (the feed's Last-Modified), to whole seconds as HTTP dates are. */
export function lastModified(records: readonly PostRecord[]): Date | null {
  if (records.length === 0) return null;
  const newest = Math.max(...records.map((r) => changedAt(r).getTime()));
  return new Date(Math.floor(newest / 1000) * 1000);
}

function bodyHtml(r: PostRecord, base: string): string {
  const cover =
    r.post.coverFileId && r.post.coverAlt
      ? `<p><img src="${base}${coverPath(r.post.coverFileId)}" alt="${xmlEscape(r.post.coverAlt)}"></p>`
      : "";
  return cover + absoluteLinks(renderArticleBody(r.post.body), base);
}

/** RSS 2.0: dates in RFC 822 (toUTCString gives "Tue, 01 Dec 2026 14:00:00 GMT"), the HTML body escaped. */
export function renderRss(channel: FeedChannel, records: readonly PostRecord[], base: string): string {
  const updated = lastModified(records) ?? new Date(0);
  const items = records.map((r) => {
    const link = `${base}${postPath(r.post.slug)}`;
    return [
      "<item>",
      `<title>${xmlEscape(r.post.title)}</title>`,
      `<link>${xmlEscape(link)}</link>`,
      `<guid isPermaLink="true">${xmlEscape(link)}</guid>`,
      `<pubDate>${(r.post.publishAt as Date).toUTCString()}</pubDate>`,
      `<dc:creator>${xmlEscape(authorLine(r))}</dc:creator>`,
      ...r.post.tags.map((tag) => `<category>${xmlEscape(tag)}</category>`),
      `<description>${xmlEscape(`<p>${xmlEscape(r.post.summary)}</p>${bodyHtml(r, base)}`)}</description>`,
      "</item>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "<channel>",
    `<title>${xmlEscape(channel.title)}</title>`,
    `<link>${xmlEscape(channel.page)}</link>`,
    `<description>${xmlEscape(channel.description)}</description>`,
    channel.language ? `<language>${channel.language}</language>` : "",
    `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>`,
    `<atom:link href="${xmlEscape(channel.self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    "</channel>",
    "</rss>",
    "",
  ].join("\n");
}

/** Atom (RFC 4287): dates in RFC 3339, the HTML body as escaped text of type "html". */
export function renderAtom(channel: FeedChannel, records: readonly PostRecord[], base: string): string {
  const updated = lastModified(records) ?? new Date(0);
  const entries = records.map((r) => {
    const link = `${base}${postPath(r.post.slug)}`;
    return [
      `<entry${r.post.locale ? ` xml:lang="${r.post.locale}"` : ""}>`,
      `<id>${xmlEscape(link)}</id>`,
      `<title type="text">${xmlEscape(r.post.title)}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(link)}"/>`,
      `<published>${(r.post.publishAt as Date).toISOString()}</published>`,
      `<updated>${changedAt(r).toISOString()}</updated>`,
      `<author><name>${xmlEscape(authorLine(r))}</name></author>`,
      ...r.post.tags.map((tag) => `<category term="${xmlEscape(tag)}"/>`),
      `<summary type="text">${xmlEscape(r.post.summary)}</summary>`,
      `<content type="html">${xmlEscape(bodyHtml(r, base))}</content>`,
      "</entry>",
    ].join("");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${channel.language ? ` xml:lang="${channel.language}"` : ""}>`,
    `<id>${xmlEscape(channel.self)}</id>`,
    `<title type="text">${xmlEscape(channel.title)}</title>`,
    `<subtitle type="text">${xmlEscape(channel.description)}</subtitle>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(channel.self)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(channel.page)}"/>`,
    `<updated>${updated.toISOString()}</updated>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

/** A strong validator: the bytes' hash (the same feed gives the same ETag on every instance). */
export const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

/**
 * Whether the client's copy is current (answer 304): If-None-Match decides when sent (RFC 9110 13.2.2), else
 * If-Modified-Since against the feed's Last-Modified.
 */
export function notModified(headers: Headers, etag: string, modified: Date | null): boolean {
  const match = headers.get("if-none-match");
  if (match !== null) {
    return match
      .split(",")
      .map((tag) => tag.trim().replace(/^W\//, ""))
      .some((tag) => tag === "*" || tag === etag);
  }
  const since = headers.get("if-modified-since");
  if (since === null || modified === null) return false;
  const sinceTime = Date.parse(since);
  return !Number.isNaN(sinceTime) && modified.getTime() <= sinceTime;
}

/** The feeds' addresses (for <link rel="alternate"> in the pages' head and the blog page's links). */
export const feedPaths = {
  all: (format: FeedFormat) => `/feeds/${format === "rss" ? "rss" : "atom"}.xml`,
  tag: (tag: string, format: FeedFormat) => `/feeds/tag/${encodeURIComponent(tag)}/${format}.xml`,
  locale: (locale: PostLocale, format: FeedFormat) => `/feeds/lang/${locale}/${format}.xml`,
};
