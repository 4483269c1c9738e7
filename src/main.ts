import { loadConfig } from "./config/env.ts";
import { loadWebHandler } from "./http/listen.ts";
import { exitOnStartFailure, start } from "./start.ts";

/** `npm start`: the production build of the web UI (`npm run build`). */
async function main() {
  const config = loadConfig();
  const web = await loadWebHandler();
  if (!web) {
    console.error("The web UI is not built: run `npm run build` (npm start does it for you).");
    process.exit(1);
  }
  await start(config, { withWeb: web });
}

main().catch(exitOnStartFailure);
