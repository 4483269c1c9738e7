import { AsyncResource } from "node:async_hooks";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Caller } from "../../core/caller.ts";
import { AppError, isAppError } from "../../core/errors.ts";
import { errorBody } from "../../http/respond-error.ts";
import type { Locale } from "../../i18n/locale.ts";
import { pickLocale } from "../../i18n/locale.ts";
import { translate } from "../../i18n/translate.ts";
import type { Logger } from "../../logger.ts";
import type { WallCookies } from "./cookies.ts";
import { parseCookies } from "./cookies.ts";
import { type StreamEnd, type Subscriber, sseFrame, type WallHub } from "./hub.ts";
import type { WallView } from "./presenters.ts";
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
  /** Every stream's end is logged with its reason; failures at error level. */
  logger: Pick<Logger, "info" | "warn" | "error">;
}

/**
 * The `reset` event's data: sent instead of a replay when the client's
 * Last-Event-ID is above the wall's newest seq (it saw another log: the
 * database was restored, or the id is from another wall). The client drops
 * what it holds, reads the posts again and carries on; the event's `id:` is
 * `seq`, so the browser's next reconnect resumes from here.
 */
export interface ResetFrame {
  type: "reset";
  /** The wall's newest seq: live changes follow from after it. */
  seq: number;
  wall: WallView;
}

/** Where the client resumes: after a seq (Infinity: a well-formed number beyond any seq), or from now. */
type ResumePoint = number | null;

const digitsOnly = /^[0-9]+$/;

/**
 * Last-Event-ID (the header a browser's EventSource sends when it reconnects)
 * and ?lastEventId= (what the page passes on the first connection) are each a
 * decimal integer of digits only, or absent: no sign, spaces, exponent or hex,
 * and never empty (EventSource leaves the header out rather than send it
 * empty). Both are checked; the header wins when both are given, as it is the
 * browser's newer position. Anything else is VALIDATION_FAILED naming the field.
 */
export function readResumePoint(header: string | undefined, query: string[], locale: Locale): ResumePoint {
  const parse = (field: string, raw: string): number => {
    if (!digitsOnly.test(raw)) {
      throw new AppError("VALIDATION_FAILED", [
        { path: field, message: translate(locale, "walls.lastEventIdInvalid", { field }) },
      ]);
    }
    const value = Number(raw);
    // Past 2^53 a number is not exact; it is still above every seq a wall can reach.
    return Number.isSafeInteger(value) ? value : Number.POSITIVE_INFINITY;
  };
  // One value only: `?lastEventId=1&lastEventId=2` is as ambiguous as a malformed one.
  const fromQuery = query.length === 0 ? null : parse("lastEventId", query.length === 1 ? (query[0] ?? "") : "");
  const fromHeader = header === undefined ? null : parse("Last-Event-ID", header);
  return fromHeader ?? fromQuery;
}

/**
 * The wall's live stream (server-sent events), served straight on Node's
 * response rather than through a web ReadableStream: each change is
 * serialised once and written to every subscriber, which is what lets one
 * process hold thousands of phones on a seminar wall.
 */
export function createWallStreamHandler(deps: WallStreamDeps) {
  const { logger } = deps;
  const heartbeats = new Set<ServerResponse>();
  const timer = setInterval(() => {
    for (const response of heartbeats) if (!response.writableEnded) response.write(":\n\n");
  }, heartbeatMs);
  timer.unref();

  return {
    matches(request: IncomingMessage): string | null {
      if (request.method !== "GET") return null;
      const path = (request.url ?? "").split("?")[0] ?? "";
      return streamPath.exec(path)?.[1] ?? null;
    },

    async handle(request: IncomingMessage, response: ServerResponse, wallId: string): Promise<void> {
      const started = performance.now();
      const headers = new Headers();
      for (const [name, value] of Object.entries(request.headers)) {
        if (typeof value === "string") headers.set(name, value);
      }
      let locale = pickLocale(
        parseCookies(headers.get("cookie")).get("uudistamo_lang"),
        headers.get("accept-language") ?? undefined,
      );
      let subscriber: Subscriber | null = null;
      try {
        const url = new URL(request.url ?? "/", "http://localhost");
        const caller = await deps.caller(headers);
        locale = caller.locale;
        // Before the stream starts, so a malformed one gets its 400 (never a silent end or a replay from 0).
        const header = request.headers["last-event-id"];
        // Node joins a repeated header with ", ", which the check then refuses like any other non-number.
        const asked = readResumePoint(
          Array.isArray(header) ? header.join(", ") : header,
          url.searchParams.getAll("lastEventId"),
          locale,
        );
        const { viewer } = deps.cookies.viewer(caller, headers.get("cookie"), deps.clientAddress(request));
        // Before the wall's newest seq is read: a change committed after the read is then never missed.
        const wokenBefore = deps.hub.wakeCount();
        const opened = await deps.walls.openById(viewer, wallId);
        const newest = opened.wall.lastSeq;
        response.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-store",
          connection: "keep-alive",
          "x-accel-buffering": "no",
        });
        // Tell the browser how soon to come back after a drop.
        response.write("retry: 2000\n\n");
        if (asked !== null && asked > newest) {
          // The client saw another log than this one (a restored database, another wall): replaying
          // "after asked" would wait for seqs that may never come. Start it over at the newest seq.
          const reset: ResetFrame = { type: "reset", seq: newest, wall: opened.wall };
          response.write(sseFrame(newest, "reset", reset));
          logger.info("wall stream reset: Last-Event-ID is above the wall's newest seq", {
            wallId,
            asked: Number.isFinite(asked) ? asked : "beyond 2^53",
            newest,
          });
        }
        const joined: Subscriber = {
          response,
          moderator: opened.canModerate,
          lastSeq: asked === null || asked > newest ? newest : asked,
          pending: null,
        };
        subscriber = joined;
        const unsubscribe = await deps.hub.subscribe(wallId, joined, newest, wokenBefore);
        heartbeats.add(response);
        let closed = false;
        // Bound here, so the line carries this request's id however the socket's close arrives.
        const close = AsyncResource.bind(() => {
          if (closed) return;
          closed = true;
          unsubscribe();
          heartbeats.delete(response);
          logEnd(wallId, joined, started);
        });
        response.on("close", close);
        request.on("close", close);
        if (response.destroyed) close();
      } catch (error) {
        if (response.headersSent) {
          // The replay failed after the stream started: say so, then end it (the client resumes).
          logger.error(
            `wall stream ended: catching up on wall ${wallId} after seq ${subscriber?.lastSeq} failed`,
            error,
          );
          response.end();
          return;
        }
        const known = isAppError(error) ? error : new AppError("INTERNAL", [], { cause: error });
        if (known.code === "INTERNAL") logger.error("wall stream failed", error);
        response.writeHead(known.status, { "content-type": "application/json" });
        response.end(JSON.stringify(errorBody(known, locale)));
      }
    },

    close(): void {
      clearInterval(timer);
      const count = deps.hub.closeAll();
      heartbeats.clear();
      if (count > 0) logger.info("wall streams ended: the server is shutting down", { streams: count });
    },
  };

  function logEnd(wallId: string, subscriber: Subscriber, started: number): void {
    const reason: StreamEnd | "client closed" | "ended" =
      subscriber.ended ?? (subscriber.response.writableEnded ? "ended" : "client closed");
    // The shutdown's one line (close above) speaks for all of them.
    if (reason === "shutdown") return;
    const extra = { wallId, reason, lastSeq: subscriber.lastSeq, ms: Math.round(performance.now() - started) };
    if (reason === "too slow") logger.warn("wall stream ended: the client was not keeping up", extra);
    else logger.info(`wall stream ended: ${reason}`, extra);
  }
}

export type WallStreamHandler = ReturnType<typeof createWallStreamHandler>;
