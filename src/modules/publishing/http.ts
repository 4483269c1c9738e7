import { z } from "@hono/zod-openapi";
import type { Context, Hono } from "hono";
import { AppError } from "../../core/errors.ts";
import type { AppEnv } from "../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../http/openapi.ts";
import { isLocale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import { fileResponse } from "../files/http.ts";
import type { PostLocale } from "./constants.ts";
import { etagOf, type FeedFormat, lastModified, notModified, renderAtom, renderRss } from "./feeds.ts";

const mediaType: Record<FeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
};

/** Titles of the feeds in the caller's language. */
const feedTitle = (locale: PostLocale, filter: { tag?: string; language?: PostLocale }) =>
  [
    translate(locale, "publishing.feed.title"),
    filter.tag ? `#${filter.tag}` : null,
    filter.language ? translate(locale, `publishing.locale.${filter.language}`) : null,
  ]
    .filter(Boolean)
    .join(" · ");

async function feed(c: Context<AppEnv>, format: FeedFormat, filter: { tag?: string; language?: PostLocale }) {
  const { services, config } = c.get("platform");
  const caller = c.get("caller");
  const base = config.publicUrl;
  if (filter.tag !== undefined && !(await services.publishingPosts.tagExists(filter.tag)))
    throw new AppError("NOT_FOUND", [
      { path: "tag", message: translate(caller.locale, "publishing.feed.unknownTag", { tag: filter.tag }) },
    ]);
  const records = await services.publishingPosts.forFeed({
    ...(filter.tag ? { tag: filter.tag } : {}),
    ...(filter.language ? { locale: filter.language } : {}),
  });
  const channel = {
    self: `${base}${new URL(c.req.url).pathname}`,
    page: `${base}${filter.tag ? `/blog/tag/${encodeURIComponent(filter.tag)}` : "/blog"}`,
    title: feedTitle(filter.language ?? caller.locale, filter),
    description: translate(filter.language ?? caller.locale, "publishing.feed.description"),
    language: filter.language ?? null,
  };
  const body = format === "rss" ? renderRss(channel, records, base) : renderAtom(channel, records, base);
  const etag = etagOf(body);
  const modified = lastModified(records);
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": "public, max-age=300",
    ...(modified ? { "Last-Modified": modified.toUTCString() } : {}),
  };
  // The feed's title follows the caller's language when the feed has none of its own.
  if (!filter.language) headers.Vary = "Accept-Language, Cookie";
  if (notModified(c.req.raw.headers, etag, modified)) return c.body(null, 304, headers);
  return c.body(body, 200, { ...headers, "Content-Type": mediaType[format] });
}

const formatOf = (file: string): FeedFormat | null =>
  file === "rss.xml" ? "rss" : file === "atom.xml" ? "atom" : null;

/** The feeds (RSS 2.0 and Atom: all posts, per tag, per language) and the posts' cover images. */
export function registerPublishingRoutes(app: Hono<AppEnv>) {
  app.get("/feeds/:file{(rss|atom)\\.xml}", (c) => feed(c, formatOf(c.req.param("file")) as FeedFormat, {}));
  app.get("/feeds/tag/:tag/:file{(rss|atom)\\.xml}", (c) =>
    feed(c, formatOf(c.req.param("file")) as FeedFormat, { tag: c.req.param("tag").toLowerCase() }),
  );
  app.get("/feeds/lang/:locale/:file{(rss|atom)\\.xml}", (c) => {
    const locale = c.req.param("locale");
    if (!isLocale(locale))
      throw new AppError("NOT_FOUND", [
        { path: "locale", message: translate(c.get("caller").locale, "publishing.feed.unknownLocale") },
      ]);
    return feed(c, formatOf(c.req.param("file")) as FeedFormat, { language: locale });
  });
  app.get("/blog/covers/:id", async (c) => {
    const { services } = c.get("platform");
    return fileResponse(await services.postCovers.read(c.get("caller"), c.req.param("id")));
  });
}

const fileParam = z.enum(["rss.xml", "atom.xml"]).openapi({ param: { name: "file", in: "path" } });

export function describePublishingRoutes(docs: DownloadDocs) {
  const feedResponses = {
    200: downloadResponse("application/rss+xml", "RSS 2.0 (rss.xml) or Atom (atom.xml), newest 50 posts"),
    304: { description: "Not modified: the ETag matched If-None-Match, or nothing changed since If-Modified-Since" },
  };
  docs.registerPath({
    method: "get",
    path: "/feeds/{file}",
    tags: ["Feeds"],
    summary: "Every published post as RSS 2.0 or Atom",
    description: "ETag and Last-Modified; a conditional request gets 304.",
    request: { params: z.object({ file: fileParam }) },
    responses: feedResponses,
  });
  docs.registerPath({
    method: "get",
    path: "/feeds/tag/{tag}/{file}",
    tags: ["Feeds"],
    summary: "The published posts of one tag as RSS 2.0 or Atom",
    request: {
      params: z.object({ tag: z.string().openapi({ param: { name: "tag", in: "path" } }), file: fileParam }),
    },
    responses: { ...feedResponses, ...errorResponses("NOT_FOUND") },
  });
  docs.registerPath({
    method: "get",
    path: "/feeds/lang/{locale}/{file}",
    tags: ["Feeds"],
    summary: "The published posts in one language (fi, sv, en) as RSS 2.0 or Atom",
    request: {
      params: z.object({
        locale: z.enum(["fi", "sv", "en"]).openapi({ param: { name: "locale", in: "path" } }),
        file: fileParam,
      }),
    },
    responses: { ...feedResponses, ...errorResponses("NOT_FOUND") },
  });
  docs.registerPath({
    method: "get",
    path: "/blog/covers/{id}",
    tags: ["Feeds"],
    summary: "A post's cover image (while a published post uses it; staff see drafts' covers)",
    request: { params: z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" } }) }) },
    responses: { 200: downloadResponse("image/jpeg", "The image"), ...errorResponses("NOT_FOUND") },
  });
}
