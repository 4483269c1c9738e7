import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context, Hono } from "hono";
import { AppError } from "../../../core/errors.ts";
import type { AppEnv } from "../../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../../http/openapi.ts";
import { translate } from "../../../i18n/translate.ts";
import { walls } from "../schema.ts";
import { csvChunks, csvSeparator } from "./csv.ts";
import { qrPng, qrSvg } from "./qr.ts";
import { openWallForModerator } from "./read.ts";
import { type ExportSlice, exportPostPages, hasLoosePosts, replyCounts } from "./read-pages.ts";
import { shortLink } from "./short-link.ts";
import { exportFileName, exportRowMaker, type StreamedTable } from "./table.ts";
import { writeXlsx } from "./xlsx.ts";

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The short link of an existing wall; NOT_FOUND for a slug no wall has. */
async function linkOf(c: Context<AppEnv>): Promise<string> {
  const { database, config } = c.get("platform");
  const [wall] = await database.db
    .select({ slug: walls.slug })
    .from(walls)
    .where(eq(walls.slug, c.req.param("slug")?.toLowerCase() ?? ""));
  if (!wall) throw new AppError("NOT_FOUND");
  return shortLink(config.publicUrl, wall.slug);
}

/**
 * The wall opened for its moderators (errors become JSON {code, message} in
 * app.onError, before any byte of the download), and its tables: "All" first,
 * then one per section and one for posts in none, when the wall has sections.
 * Each table's rows are read a page at a time when it is written.
 */
async function exportFor(c: Context<AppEnv>) {
  const { database, config } = c.get("platform");
  const db = database.db;
  const caller = c.get("caller");
  const { wall, sections } = await openWallForModerator(
    db,
    caller,
    c.req.param("slug") ?? "",
    c.get("platform").services.walls.ownerRole,
  );
  const replies = await replyCounts(db, wall.id);
  const rowOf = exportRowMaker(sections, caller.locale, config.publicUrl);
  const table = (name: string, slice: ExportSlice): StreamedTable => ({
    name,
    async *pages() {
      for await (const posts of exportPostPages(db, wall.id, slice, replies)) yield posts.map(rowOf);
    },
  });
  const all = table(translate(caller.locale, "outputs.sheet.all"), { all: true });
  const tables = [all];
  if (sections.length > 0) {
    tables.push(...sections.map((s) => table(s.title, { sectionId: s.id })));
    if (await hasLoosePosts(db, wall.id))
      tables.push(table(translate(caller.locale, "outputs.summary.noSection"), { sectionId: null }));
  }
  const now = new Date();
  const name = (extension: "csv" | "xlsx") =>
    exportFileName(wall.title, translate(caller.locale, "outputs.file.fallback"), now, extension);
  return { wall, caller, all, tables, name };
}

/**
 * A download written as it is made: `write` fills the stream, which the
 * response sends on as the client takes it (a full stream makes `write` wait).
 * A failure midway is logged and cuts the download off, so a broken file is
 * never mistaken for a whole one.
 */
function streamedDownload(
  c: Context<AppEnv>,
  type: string,
  fileName: string,
  write: (out: PassThrough) => Promise<void>,
): Response {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  write(out).then(
    () => out.end(),
    (error: unknown) => {
      c.get("platform").logger.error("wall export failed midway", error);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    },
  );
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": type,
      // The name has only ASCII letters, digits, dashes and a dot (see exportFileName).
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * A wall's QR code (public: it only encodes the short link; opening the link
 * applies the wall's access rules) and its exports (the wall's moderators).
 * Mounted before the web UI, so these paths never reach React Router.
 */
export function registerWallOutputs(app: Hono<AppEnv>) {
  app.get("/w/:slug/qr.svg", async (c) => {
    const svg = await qrSvg(await linkOf(c));
    return c.body(svg, 200, {
      "Content-Type": "image/svg+xml; charset=utf-8",
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    });
  });

  app.get("/w/:slug/qr.png", async (c) => {
    const png = await qrPng(await linkOf(c));
    return c.body(new Uint8Array(png), 200, {
      "Content-Type": "image/png",
      "Cache-Control": "public, max-age=86400",
      "X-Content-Type-Options": "nosniff",
    });
  });

  // Both stream: rows are written as they are read, a keyset page at a time (read-pages.ts).
  app.get("/w/:slug/export.csv", async (c) => {
    const { all, caller, name } = await exportFor(c);
    const separator = csvSeparator(caller.locale, c.req.query("separator"));
    return streamedDownload(c, "text/csv; charset=utf-8", name("csv"), async (out) => {
      for await (const chunk of csvChunks(all, caller.locale, separator)) {
        if (!out.write(chunk)) await once(out, "drain");
      }
    });
  });

  app.get("/w/:slug/export.xlsx", async (c) => {
    const { tables, caller, name, wall } = await exportFor(c);
    return streamedDownload(c, xlsxType, name("xlsx"), (out) => writeXlsx(tables, caller.locale, wall.title, out));
  });
}

const slugParam = z.object({ slug: z.string().openapi({ param: { name: "slug", in: "path" }, example: "ab3k9x" }) });
const tags = ["Walls"];

/** The wall's downloads in the OpenAPI document, at the URLs above (and the printable pages React Router serves). */
export function describeWallOutputs(docs: DownloadDocs) {
  const moderatorsOnly = "For the wall's moderators only (signed in).";
  const downloads: { path: string; summary: string; type: string; description?: string; query?: z.ZodObject }[] = [
    { path: "/w/{slug}/qr.svg", summary: "QR code of the wall's short link (SVG)", type: "image/svg+xml" },
    { path: "/w/{slug}/qr.png", summary: "QR code of the wall's short link (PNG)", type: "image/png" },
    {
      path: "/w/{slug}/export.csv",
      summary: "The wall's posts as CSV",
      type: "text/csv",
      description: `${moderatorsOnly} The separator follows the language (semicolon for fi and sv) unless ?separator= says otherwise.`,
      query: z.object({ separator: z.enum(["comma", "semicolon"]).optional() }),
    },
    {
      path: "/w/{slug}/export.xlsx",
      summary: "The wall's posts, sections and counts as an Excel workbook",
      type: xlsxType,
      description: moderatorsOnly,
    },
    {
      path: "/w/{slug}/poster",
      summary: "Printable poster with the wall's QR code, short link and join code",
      type: "text/html",
      description: moderatorsOnly,
    },
    {
      path: "/w/{slug}/summary",
      summary: "Printable summary of the wall's posts",
      type: "text/html",
      description: moderatorsOnly,
    },
  ];
  for (const d of downloads) {
    docs.registerPath({
      method: "get",
      path: d.path,
      tags,
      summary: d.summary,
      description: d.description,
      request: { params: slugParam, ...(d.query ? { query: d.query } : {}) },
      responses: {
        200: downloadResponse(d.type, d.summary),
        ...errorResponses("UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"),
      },
    });
  }
}
