import { type AppLoadContext, createRequestHandler, type ServerBuild } from "react-router";
import { createServer as createViteServer } from "vite";
import { loadConfig } from "./config/env.ts";
import { exitOnStartFailure, start } from "./start.ts";

/**
 * `npm run dev`: the same server as `npm start`, with the web UI from Vite's dev
 * server in middleware mode: pages are rendered from the current source on every
 * request and the browser hot-reloads UI changes. Server code (src/) restarts
 * the process through `tsx watch`.
 */
async function dev() {
  const config = loadConfig();
  const vite = await createViteServer({ server: { middlewareMode: true }, appType: "custom" });
  await start(config, {
    withWeb: {
      web: async (request, context) => {
        const build = (await vite.ssrLoadModule("virtual:react-router/server-build")) as ServerBuild;
        return createRequestHandler(build, "development")(request, context as unknown as AppLoadContext);
      },
    },
    // Vite answers its own requests (modules, HMR client, assets) and passes the rest on.
    before: (request, response, next) => vite.middlewares(request, response, next),
  });
}

dev().catch(exitOnStartFailure);
