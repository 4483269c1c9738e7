import { arenaWarning, currentRuntime } from "./config/allocator.ts";
import { type Config, ConfigError } from "./config/env.ts";
import { isEmpty, seedDemoWorkspace } from "./demo/seed.ts";
import { type ListenOptions, listen } from "./http/listen.ts";
import { createPlatform } from "./platform.ts";

/**
 * Starts Uudistamo the way `npm start` and `npm run dev` both do: the platform,
 * the demo workspace into an empty database, the HTTP server; stops cleanly on
 * SIGINT/SIGTERM. Only the web UI differs (the production build, or Vite's).
 */
export async function start(config: Config, web: Pick<ListenOptions, "withWeb" | "before">) {
  const platform = await createPlatform(config);
  const { logger } = platform;
  let demo: { email: string; password: string } | null = null;
  if (config.demoData && (await isEmpty(platform.database.db))) {
    demo = await seedDemoWorkspace(platform.database.db);
  }
  const server = await listen(platform, { port: config.port, host: config.host, ...web });
  const where = config.databaseUrl ? "PostgreSQL" : `embedded PGlite in ${config.dataDir}`;
  logger.info("started", { url: config.publicUrl, database: where });
  const allocator = arenaWarning(currentRuntime());
  if (allocator) logger.warn(allocator);
  // For the person at the terminal, not the log: the log is shipped elsewhere and must never hold a password.
  console.log(`\nUudistamo is running at ${config.publicUrl} (database: ${where})`);
  if (demo) {
    console.log(
      [
        "Demo workspace loaded. Sign in as the demo admin:",
        `  e-mail:   ${demo.email}`,
        `  password: ${demo.password}`,
        "This password is shown only now; `npm run demo:password` sets a new one.",
      ].join("\n"),
    );
  }
  const stop = async () => {
    logger.info("shutting down");
    await server.close();
    await platform.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/** A start-up failure as one clear message (a wrong setting names itself), then exit. */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error("Uudistamo failed to start:", error);
  process.exit(1);
}
