import path from "node:path";
import type { Config } from "./config/env.ts";
import { createJoinCodeGuesses } from "./core/join-code-guesses.ts";
import { createWritePath } from "./core/write.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { createJobQueue, type JobQueue } from "./jobs/queue.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMailer, type Mailer } from "./mail/mailer.ts";
import { createMailOutbox, type MailOutbox } from "./mail/outbox.ts";
import { type Auth, createAuth } from "./modules/accounts/auth.ts";
import { buildModuleServices, type LoadedModule, loadModuleServers, type ModuleServices } from "./modules/registry.ts";

/** Every module's services, built once per process; web routes and API handlers reach them through here. */
export type Services = ModuleServices;

export interface Platform {
  config: Config;
  logger: Logger;
  database: Database;
  mailer: Mailer;
  jobs: JobQueue;
  outbox: MailOutbox;
  auth: Auth;
  services: Services;
  /** The modules' server halves, in registry order (the HTTP layer mounts their routes). */
  modules: readonly LoadedModule[];
  close(): Promise<void>;
}

/** Opens the database, migrates it and wires the services: the composition root. */
export async function createPlatform(
  config: Config,
  overrides: { mailer?: Mailer; logger?: Logger; database?: Database } = {},
): Promise<Platform> {
  const logger = overrides.logger ?? createLogger(config.logLevel);
  const database =
    overrides.database ??
    (await openDatabase(
      config.databaseUrl ? { url: config.databaseUrl } : { dataDir: path.join(config.dataDir, "pglite") },
    ));
  await database.migrate();
  // One write path for every module; an effect that fails after a commit is logged with its request id.
  const writes = createWritePath(database.db, (error) => logger.error("a write's after-commit effect failed", error));
  const mailer = overrides.mailer ?? createMailer(config, logger);
  // Background jobs in the same database (pg-boss's own schema); modules define their jobs before it starts.
  const jobs = createJobQueue(database, { logger, pollingIntervalSeconds: config.jobsPollSeconds });
  const outbox = createMailOutbox({
    jobs,
    mailer,
    ratePerMinute: config.mailRatePerMinute,
    secret: config.sessionSecret,
    mailFrom: config.mailFrom,
  });
  const auth = createAuth({ db: database.db, config, outbox, writes });
  const modules = await loadModuleServers();
  const { services, context } = buildModuleServices(modules, {
    db: database.db,
    writes,
    config,
    logger,
    jobs,
    outbox,
    auth,
    channel: database.channel,
    joinGuesses: createJoinCodeGuesses(database.db),
  });
  const stops: (() => Promise<void>)[] = [];
  for (const { server } of modules) {
    const stop = await server.start?.(context);
    if (stop) stops.push(stop);
  }
  await jobs.start();
  for (const { server } of modules) await server.started?.(context);
  return {
    config,
    logger,
    database,
    mailer,
    jobs,
    outbox,
    auth,
    services,
    modules,
    close: async () => {
      for (const stop of stops.reverse()) await stop();
      await jobs.stop();
      await database.close();
    },
  };
}
