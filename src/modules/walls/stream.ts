import type { IncomingMessage, ServerResponse } from "node:http";
import type { Caller } from "../../core/caller.ts";
import { AppError, isAppError } from "../../core/errors.ts";
import { errorBody } from "../../http/respond-error.ts";
import { pickLocale } from "../../i18n/locale.ts";
import type { WallCookies } from "./cookies.ts";
import { parseCookies } from "./cookies.ts";
import type { WallHub } from "./hub.ts";
import type { WallService } from "./service.ts";

const streamPath = /^\/api\/walls\/([0-9a-f-]{36})\/events$/;
// A comment line now and then keeps proxies from closing an idle stream.
const heartbeatMs = 25_000;

export interface WallStreamDeps {
  walls: WallService;
  hub: WallHub;
  cookies: WallCookies;
  /** The signed-in person behind the request's cookies, if any. */
  caller(headers: Headers): Promise<Caller>;
  /** The client address, as the rest of the server resolves it (trusted proxies). */
  clientAddress(request: IncomingMessage): string;
  onError(error: unknown): void;
}

/**
 * The wall's live stream (server-sent events), served straight on Node's
 * response rather than through a web ReadableStream: each change is
 * serialised once and written to every subscriber, which is what lets one
 * process hold thousands of phones on a seminar wall.
 */
export function createWallStreamHandler(deps: WallStreamDeps) {
  const heartbeats = new Set<ServerResponse>();
  const timer = setInterval(() => {
    for (const response of heartbeats) response.write(":\n\n");
  }, heartbeatMs);
  timer.unref();

  return {
    matches(request: IncomingMessage): string | null {
      if (request.method !== "GET") return null;
      const path = (request.url ?? "").split("?")[0] ?? "";
      return streamPath.exec(path)?.[1] ?? null;
    },

    async handle(request: IncomingMessage, response: ServerResponse, wallId: string): Promise<void> {
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      const url = new URL(request.url ?? "/", "http://localhost");
      const lastEventId = Number(headers.get("last-event-id") ?? url.searchParams.get("lastEventId") ?? Number.NaN);
      let locale = pickLocale(
        parseCookies(headers.get("cookie")).get("uudistamo_lang"),
        headers.get("accept-language") ?? undefined,
      );
      try {
        const caller = await deps.caller(headers);
        locale = caller.locale;
        const { viewer } = deps.cookies.viewer(caller, headers.get("cookie"), deps.clientAddress(request));
        const opened = await deps.walls.openById(viewer, wallId);
        response.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-store",
          connection: "keep-alive",
          "x-accel-buffering": "no",
        });
        // Tell the browser how soon to come back after a drop.
        response.write("retry: 2000\n\n");
        const afterSeq = Number.isFinite(lastEventId) && lastEventId >= 0 ? lastEventId : opened.wall.lastSeq;
        const unsubscribe = await deps.hub.subscribe(
          wallId,
          { response, moderator: opened.canModerate, lastSeq: afterSeq, pending: null },
          opened.wall.lastSeq,
        );
        heartbeats.add(response);
        const close = () => {
          unsubscribe();
          heartbeats.delete(response);
        };
        response.on("close", close);
        request.on("close", close);
        if (response.destroyed) close();
      } catch (error) {
        if (response.headersSent) {
          response.end();
          return;
        }
        const known = isAppError(error) ? error : new AppError("INTERNAL", [], { cause: error });
        if (known.code === "INTERNAL") deps.onError(error);
        response.writeHead(known.status, { "content-type": "application/json" });
        response.end(JSON.stringify(errorBody(known, locale)));
      }
    },

    close(): void {
      clearInterval(timer);
      deps.hub.closeAll();
      heartbeats.clear();
    },
  };
}

export type WallStreamHandler = ReturnType<typeof createWallStreamHandler>;
