import { z } from "@hono/zod-openapi";
import { eq } from "drizzle-orm";
import type { Context, Hono } from "hono";
import { AppError } from "../../../core/errors.ts";
import type { AppEnv } from "../../../http/context.ts";
import { type DownloadDocs, downloadResponse, errorResponses } from "../../../http/openapi.ts";
import { translate } from "../../../i18n/translate.ts";
import { walls } from "../schema.ts";
import { csvSeparator, toCsv } from "./csv.ts";
import { qrPng, qrSvg } from "./qr.ts";
import { readWallForModerator } from "./read.ts";
import { shortLink } from "./short-link.ts";
import { exportFileName, exportTables } from "./table.ts";
import { toXlsx } from "./xlsx.ts";

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

/** Everything on the wall, for its moderators only; errors become JSON {code, message} in app.onError. */
async function exportFor(c: Context<AppEnv>) {
  const { database, config } = c.get("platform");
  const caller = c.get("caller");
  const data = await readWallForModerator(
    database.db,
    caller,
    c.req.param("slug") ?? "",
    c.get("platform").services.walls.ownerRole,
  );
  const now = new Date();
  const name = (extension: "csv" | "xlsx") =>
    exportFileName(data.wall.title, translate(caller.locale, "outputs.file.fallback"), now, extension);
  return { data, caller, tables: exportTables(data, caller.locale, config.publicUrl), name };
}

function download(body: Buffer, type: string, fileName: string): Response {
  return new Response(new Uint8Array(body), {
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

  app.get("/w/:slug/export.csv", async (c) => {
    const { tables, caller, name } = await exportFor(c);
    const all = tables[0] ?? { name: "", rows: [] };
    const csv = toCsv(all, caller.locale, csvSeparator(caller.locale, c.req.query("separator")));
    return download(csv, "text/csv; charset=utf-8", name("csv"));
  });

  app.get("/w/:slug/export.xlsx", async (c) => {
    const { tables, caller, name, data } = await exportFor(c);
    return download(await toXlsx(tables, caller.locale, data.wall.title), xlsxType, name("xlsx"));
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
