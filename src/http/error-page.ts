import type { Context } from "hono";
import type { AppError } from "../core/errors.ts";
import { localPath } from "../core/local-path.ts";
import type { Locale } from "../i18n/locale.ts";
import { translate } from "../i18n/translate.ts";
import type { ErrorBody } from "./respond-error.ts";

/**
 * Whether a refusal should be a page rather than JSON: a browser's own form post outside /api (no JavaScript),
 * refused before React Router sees it (a body over the limit, a cross-site post). Such a person would otherwise
 * get a screen of JSON.
 */
export function wantsErrorPage(c: Context): boolean {
  if (c.req.path.startsWith("/api/") || c.req.method !== "POST") return false;
  const type = c.req.header("content-type") ?? "";
  const isForm = type.startsWith("multipart/form-data") || type.startsWith("application/x-www-form-urlencoded");
  return isForm && (c.req.header("accept") ?? "").includes("text/html");
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/** A plain, translated error page with the reasons and a link back to the form the person came from. */
export function errorPage(c: Context, error: AppError, body: ErrorBody, locale: Locale) {
  // Forms post to their own page (a wall's form to /w/:slug), so the way back is the posted path.
  const back = localPath(c.req.path);
  const title = translate(locale, "errors.title");
  const reasons = (body.issues ?? []).map((issue) => `<li>${escapeHtml(issue.message)}</li>`).join("");
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(translate(locale, "app.name"))}</title></head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p role="alert">${escapeHtml(body.message)}</p>
${reasons ? `<ul>${reasons}</ul>` : ""}
<p><a href="${escapeHtml(back)}">${escapeHtml(translate(locale, "errors.backToForm"))}</a></p>
</main>
</body>
</html>`;
  return c.html(html, error.status);
}
