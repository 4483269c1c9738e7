import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve } from "@hono/node-server";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "react-router";
import type { Platform } from "../platform.ts";
import { createHttpApp, type WebHandler } from "./app.ts";

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

export async function listen(
  platform: Platform,
  options: { port: number; host: string; withWeb?: boolean },
): Promise<RunningServer> {
  const web = options.withWeb === false ? null : await loadWebHandler();
  const app = createHttpApp(platform, web ?? {});
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info: AddressInfo) => {
      const host = options.host === "0.0.0.0" || options.host === "::" ? "localhost" : options.host;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
  });
}
