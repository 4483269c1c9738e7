import { ConfigError, loadConfig } from "./config/env.ts";
import { isEmpty, seedDemoWorkspace } from "./demo/seed.ts";
import { listen, loadWebHandler } from "./http/listen.ts";
import { createPlatform } from "./platform.ts";

async function main() {
  const config = loadConfig();
  if (!(await loadWebHandler())) {
    console.error("The web UI is not built: run `npm run build` (npm start does it for you).");
    process.exit(1);
  }
  const platform = await createPlatform(config);
  const { logger } = platform;
  let demo: { email: string; password: string } | null = null;
  if (config.demoData && (await isEmpty(platform.database.db))) {
    demo = await seedDemoWorkspace(platform.database.db);
  }
  const server = await listen(platform, { port: config.port, host: config.host });
  const where = config.databaseUrl ? "PostgreSQL" : `embedded PGlite in ${config.dataDir}`;
  logger.info("started", { url: config.publicUrl, database: where });
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

main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error("Uudistamo failed to start:", error);
  }
  process.exit(1);
});
