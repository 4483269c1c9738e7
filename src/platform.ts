import path from "node:path";
import type { Config } from "./config/env.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMailer, type Mailer } from "./mail/mailer.ts";
import { type Auth, createAuth } from "./modules/accounts/auth.ts";
import { createInvitationService } from "./modules/accounts/invitations.ts";
import { createSessionService } from "./modules/accounts/sessions.ts";
import { createAuditService } from "./modules/audit/service.ts";
import { createPeopleService } from "./modules/people/service.ts";
import { createWallCookies } from "./modules/walls/cookies.ts";
import { createChangeLoader } from "./modules/walls/events.ts";
import { WallHub } from "./modules/walls/hub.ts";
import { createParticipants } from "./modules/walls/participants.ts";
import { createPostService } from "./modules/walls/posts.ts";
import { createWallService } from "./modules/walls/service.ts";

/** Every service, built once per process; web routes and API handlers reach them through here. */
export function createServices(database: Database, mailer: Mailer, config: Config, auth: Auth, logger: Logger) {
  const db = database.db;
  const hub = new WallHub(createChangeLoader(db), (error) => logger.error("wall stream dispatch failed", error));
  const participants = createParticipants(config.sessionSecret);
  return {
    hub,
    participants,
    wallCookies: createWallCookies(participants, config.sessionSecret, config.publicUrl.startsWith("https://")),
    walls: createWallService({ db, hub }),
    posts: createPostService({ db, hub }),
    sessions: createSessionService(auth, config),
    people: createPeopleService(db),
    invitations: createInvitationService({ db, mailer, config }),
    audit: createAuditService(db),
  };
}
export type Services = ReturnType<typeof createServices>;

export interface Platform {
  config: Config;
  logger: Logger;
  database: Database;
  mailer: Mailer;
  auth: Auth;
  services: Services;
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
  const mailer = overrides.mailer ?? createMailer(config, logger);
  const auth = createAuth({ db: database.db, config, mailer });
  const services = createServices(database, mailer, config, auth, logger);
  return { config, logger, database, mailer, auth, services, close: () => database.close() };
}
