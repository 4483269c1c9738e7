import { getConnInfo } from "@hono/node-server/conninfo";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import type { Caller } from "../core/caller.ts";
import { AppError } from "../core/errors.ts";
import { localPath } from "../core/local-path.ts";
import { catalogFile, catalogFileByName } from "../i18n/catalog-files.ts";
import { isLocale, localeCookie, pickLocale } from "../i18n/locale.ts";
import { translate } from "../i18n/translate.ts";
import { clientIpHeader } from "../modules/accounts/auth.ts";
import { formatFileSize } from "../modules/files/size.ts";
import type { Platform } from "../platform.ts";
import { createClientAddressResolver } from "./client-address.ts";
import type { AppEnv, WebContext } from "./context.ts";
import { createApiRouter, openApiDocument } from "./openapi.ts";
import { respondError, toAppError } from "./respond-error.ts";
import { isSameOriginRequest } from "./same-origin.ts";
import { loadActor } from "./session.ts";

export type WebHandler = (request: Request, context: WebContext) => Promise<Response>;

export interface HttpAppOptions {
  /** The React Router request handler; absent in API-only tests. */
  web?: WebHandler;
  /** build/client, served as static files. */
  clientDir?: string;
}

/**
 * The whole HTTP surface: health checks, the better-auth endpoints, the JSON API
 * with its OpenAPI document, static assets, and the server-rendered web UI.
 */
export function createHttpApp(platform: Platform, options: HttpAppOptions = {}) {
  const { config, logger, auth } = platform;
  const app = new Hono<AppEnv>();

  app.onError((error, c) => {
    const appError = toAppError(error);
    if (appError.code === "INTERNAL") logger.error(`${c.req.method} ${c.req.path} failed`, error);
    const caller = c.get("caller") ?? { actor: null, locale: "fi" };
    return respondError(c, appError, caller.locale);
  });
  app.notFound((c) => respondError(c, new AppError("NOT_FOUND"), c.get("caller")?.locale ?? "fi"));

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await platform.database.ping();
      return c.json({ status: "ready", database: platform.database.driver });
    } catch (error) {
      logger.warn("readiness check failed", error);
      return c.json({ status: "unavailable", database: platform.database.driver }, 503);
    }
  });

  if (options.clientDir) {
    app.use(
      "/assets/*",
      serveStatic({
        root: options.clientDir,
        onFound: (_path, c) => c.header("Cache-Control", "public, max-age=31536000, immutable"),
      }),
    );
    app.use("/favicon.svg", serveStatic({ root: options.clientDir }));
  }

  // A language's texts for the browser to hydrate with (i18n/catalog-files.ts): kept for a year under its content's
  // hash. An older hash (a page from before a deploy) gets today's texts, not cached, rather than a broken page.
  app.get("/i18n/:file", (c) => {
    const found = catalogFileByName(c.req.param("file"));
    if (!found) return respondError(c, new AppError("NOT_FOUND"), "fi");
    c.header("Cache-Control", found.current ? "public, max-age=31536000, immutable" : "no-cache");
    c.header("Content-Type", "application/json; charset=utf-8");
    return c.body(found.file.json);
  });

  // Who is asking, from where (X-Forwarded-For only from TRUSTED_PROXIES), in which language: before any body is read.
  const clientAddress = createClientAddressResolver(config.trustedProxies);
  app.use(async (c, next) => {
    c.set("platform", platform);
    c.set("clientIp", clientAddress(getConnInfo(c).remote.address, c.req.header("x-forwarded-for")));
    const fallback = pickLocale(getCookie(c, localeCookie), c.req.header("accept-language"));
    c.set("caller", { actor: null, locale: fallback });
    await next();
  });

  // Every body is at most BODY_MAX_BYTES, but uploads: their routes read the body as it streams in
  // (files/multipart.ts), counting it against UPLOAD_MAX_BYTES plus the form's envelope and refusing it with the
  // limit named. Hono's bodyLimit would first buffer a body sent without Content-Length, so uploads skip it.
  const otherBodyLimit = bodyLimit({
    maxSize: config.bodyMaxBytes,
    onError: (c) => {
      const locale = c.get("caller").locale;
      const limit = formatFileSize(locale, config.bodyMaxBytes);
      throw new AppError("PAYLOAD_TOO_LARGE", [
        { path: "body", message: translate(locale, "errors.bodyTooLarge", { limit }) },
      ]);
    },
  });
  app.use((c, next) =>
    isUploadRequest(c.req.method, c.req.path, c.req.header("content-type")) ? next() : otherBodyLimit(c, next),
  );

  app.use(async (c, next) => {
    // RFC 8058 one-click unsubscribe comes from the mail provider's servers, without Origin; the signed token in its
    // URL is what authorises it, so a cross-site form cannot forge one.
    const oneClick = c.req.method === "POST" && c.req.path === "/newsletter/unsubscribe";
    if (!oneClick && !isSameOriginRequest(c.req.method, c.req.raw.headers, new URL(config.publicUrl).origin)) {
      throw new AppError("CSRF_REJECTED");
    }
    await next();
  });

  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(withClientIp(c.req.raw, c.get("clientIp"))));

  app.use(async (c, next) => {
    const actor = await loadActor(auth, c.req.raw.headers);
    const cookieLocale = getCookie(c, localeCookie);
    const caller: Caller = {
      actor: actor?.actor ?? null,
      locale: isLocale(cookieLocale) ? cookieLocale : (actor?.locale ?? c.get("caller").locale),
    };
    c.set("caller", caller);
    await next();
  });

  // The language menu is plain links, so it works without JavaScript.
  app.get("/language/:locale", (c) => {
    const locale = c.req.param("locale");
    // An unknown language changes nothing: the person just goes back where they were.
    if (isLocale(locale)) {
      setCookie(c, localeCookie, locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "Lax", httpOnly: true });
    }
    return c.redirect(localPath(c.req.query("next")), 303);
  });

  const api = createApiRouter().basePath("/api");
  // Downloads and files are plain routes outside /api, listed in the same document at their own URLs.
  const downloads = createApiRouter();
  for (const { server } of platform.modules) {
    server.api?.(api);
    server.downloads?.(downloads.openAPIRegistry);
  }
  api.get("/openapi.json", (c) =>
    c.json(
      openApiDocument(api, downloads, {
        openapi: "3.1.0",
        info: {
          title: "Uudistamo API",
          version: "0.1.0",
          description: "Errors are JSON {code, message}; codes are stable, messages follow the caller's language.",
        },
        servers: [{ url: config.publicUrl }],
      }),
    ),
  );
  app.route("/", api);
  app.all("/api/*", (c) => respondError(c, new AppError("NOT_FOUND"), c.get("caller").locale));

  for (const { server } of platform.modules) server.routes?.(app);

  const web = options.web;
  if (web) {
    app.all("*", async (c) => {
      const { viewer, setCookie } = platform.services.wallCookies.viewer(
        c.get("caller"),
        c.req.header("cookie"),
        c.get("clientIp"),
        {
          issue: c.req.path.startsWith("/w/"),
        },
      );
      const response = await web(c.req.raw, {
        services: platform.services,
        auth: platform.auth,
        caller: c.get("caller"),
        clientIp: c.get("clientIp"),
        publicUrl: config.publicUrl,
        catalogHref: (locale) => catalogFile(locale).href,
        wallViewer: viewer,
      });
      if (!setCookie) return response;
      const withCookie = new Response(response.body, response);
      withCookie.headers.append("Set-Cookie", setCookie);
      return withCookie;
    });
  }
  return app;
}

/** better-auth keys its rate limits by this header; a client's own value is replaced. */
export function withClientIp(request: Request, ip: string): Request {
  const headers = new Headers(request.headers);
  headers.set(clientIpHeader, ip);
  return new Request(request, { headers });
}

/** Requests that carry a file: the wall upload endpoint, the wall page's no-JavaScript form, contract documents. */
function isUploadRequest(method: string, path: string, contentType: string | undefined): boolean {
  // Only a multipart body is read by the streaming parser; any other body to these paths gets the general limit.
  if (method !== "POST" || !/^\s*multipart\/form-data/i.test(contentType ?? "")) return false;
  return (
    /^\/api\/walls\/[^/]+\/uploads$/.test(path) ||
    /^\/w\/[^/]+$/.test(path) ||
    /^\/api\/commitments\/(contracts\/[^/]+\/documents|documents\/[^/]+\/versions)$/.test(path)
  );
}
