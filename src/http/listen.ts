import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { getRequestListener } from "@hono/node-server";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "react-router";
import { withRequestLogContext } from "../logger.ts";
import { createWallStreamHandler } from "../modules/walls/stream.ts";
import type { Platform } from "../platform.ts";
import { createHttpApp, type WebHandler } from "./app.ts";
import { clientAddressOf, createClientAddressResolver } from "./client-address.ts";
import { callerFromHeaders } from "./session.ts";

export const buildDir = path.resolve(import.meta.dirname, "../../build");

/** Loads the React Router production build (`npm run build`), if there is one. */
export async function loadWebHandler(dir = buildDir): Promise<{ web: WebHandler; clientDir: string } | null> {
  const serverEntry = path.join(dir, "server/index.js");
  if (!existsSync(serverEntry)) return null;
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  const handle = createRequestHandler(build, "production");
  return {
    web: (request, context) => handle(request, context as unknown as AppLoadContext),
    clientDir: path.join(dir, "client"),
  };
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface ListenOptions {
  port: number;
  host: string;
  /** false: the API only (tests); a handler: that web UI (the Vite dev server's); default: the production build. */
  withWeb?: boolean | { web: WebHandler; clientDir?: string };
  /** Node middleware that sees each request first and calls `next` for those it leaves (Vite's in development). */
  before?: (request: IncomingMessage, response: ServerResponse, next: () => void) => void;
}

export async function listen(platform: Platform, options: ListenOptions): Promise<RunningServer> {
  const web =
    options.withWeb === false ? null : typeof options.withWeb === "object" ? options.withWeb : await loadWebHandler();
  const app = createHttpApp(platform, web ?? {});
  const handleApp = getRequestListener(app.fetch);
  const clientAddress = createClientAddressResolver(platform.config.trustedProxies);
  const stream = createWallStreamHandler({
    walls: platform.services.walls,
    hub: platform.services.hub,
    cookies: platform.services.wallCookies,
    caller: (headers) => callerFromHeaders(platform.auth, headers),
    clientAddress: (request) => clientAddressOf(clientAddress, request),
    logger: platform.logger,
  });
  // Wall streams bypass Hono: they write to Node's response directly (see walls/stream.ts).
  // Requests still being answered; shutdown waits for them before the database closes.
  let inFlight = 0;
  const server = createServer((request, response) => {
    // Every log line written while this request is handled carries its id; the client sees it too, for reports.
    const requestId = randomUUID();
    const started = performance.now();
    response.setHeader("X-Request-Id", requestId);
    // The path only: query strings can hold tokens (password-reset links).
    const path = (request.url ?? "/").split("?")[0];
    response.once("close", () =>
      withRequestLogContext({ requestId }, () =>
        platform.logger.info("request", {
          method: request.method,
          path,
          status: response.statusCode,
          ms: Math.round(performance.now() - started),
        }),
      ),
    );
    const handle = () => {
      const wallId = stream.matches(request);
      if (wallId) {
        void stream.handle(request, response, wallId);
        return;
      }
      inFlight += 1;
      response.once("close", () => {
        inFlight -= 1;
      });
      void handleApp(request, response);
    };
    withRequestLogContext({ requestId }, () => (options.before ? options.before(request, response, handle) : handle()));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  const port = (server.address() as AddressInfo).port;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    /** Stops taking requests, ends the live streams (clients resume elsewhere), lets answers finish (10 s at most). */
    close: async () => {
      const closed = new Promise<void>((done) => server.close(() => done()));
      stream.close();
      server.closeIdleConnections();
      const deadline = Date.now() + 10_000;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      server.closeAllConnections();
      await closed;
    },
  };
}
