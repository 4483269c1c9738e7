import { randomUUID } from "node:crypto";
import path from "node:path";
import type { Config } from "./config/env.ts";
import { createJoinCodeGuesses } from "./core/join-code-guesses.ts";
import { createWritePath, type WritePath } from "./core/write.ts";
import { type Database, openDatabase } from "./db/client.ts";
import { createJobQueue, type JobQueue } from "./jobs/queue.ts";
import { createJobsService } from "./jobs/service.ts";
import { createLogger, type Logger } from "./logger.ts";
import { createMailer, type Mailer } from "./mail/mailer.ts";
import { createMailOutbox, type MailOutbox } from "./mail/outbox.ts";
import { type Auth, createAuth } from "./modules/accounts/auth.ts";
import { createInvitationService } from "./modules/accounts/invitations.ts";
import { createSessionService } from "./modules/accounts/sessions.ts";
import { createAuditService } from "./modules/audit/service.ts";
import { createDeliverableService } from "./modules/deliverables/service.ts";
import { createEventService } from "./modules/events/service.ts";
import { createDatabaseFileStore } from "./modules/files/store.ts";
import { scheduleUnusedUploadSweep } from "./modules/files/sweep.ts";
import { createGroupService } from "./modules/groups/service.ts";
import { groupWallRole } from "./modules/groups/wall-access.ts";
import { createPeopleService } from "./modules/people/service.ts";
import { createTimelineService } from "./modules/programme/service.ts";
import { installBuiltIns } from "./modules/templates/builtins.ts";
import { createTemplateService } from "./modules/templates/service.ts";
import { createAttachmentService } from "./modules/walls/attachments.ts";
import { createChangeLoader } from "./modules/walls/change-log.ts";
import { createWallCookies } from "./modules/walls/cookies.ts";
import { WallHub } from "./modules/walls/hub.ts";
import { createParticipants } from "./modules/walls/participants.ts";
import { createPostService, defaultPostLimits } from "./modules/walls/posts.ts";
import { createWallService } from "./modules/walls/service.ts";

/** Every service, built once per process; web routes and API handlers reach them through here. */
export function createServices(
  database: Database,
  background: { jobs: JobQueue; outbox: MailOutbox; writes: WritePath },
  config: Config,
  auth: Auth,
  logger: Logger,
) {
  const db = database.db;
  // One write path for every module; an effect that fails after a commit is logged with its request id.
  const { writes } = background;
  const hub = new WallHub(createChangeLoader(db), (error) => logger.error("wall stream dispatch failed", error));
  const participants = createParticipants(config.sessionSecret);
  // Files live in the database by default; another FileStore can be wired here.
  const files = createDatabaseFileStore(db);
  // Group walls are the group's: the groups module says who leads and who takes part.
  const ownerRole = groupWallRole(db);
  // Walls and events check join codes (an event's walls take the event's code): one guess budget per address for all.
  const joinGuesses = createJoinCodeGuesses(db);
  const walls = createWallService({ db, hub, ownerRole, joinGuesses, writes });
  return {
    hub,
    participants,
    wallCookies: createWallCookies(participants, config.sessionSecret, config.publicUrl.startsWith("https://")),
    walls,
    files,
    attachments: createAttachmentService({ db, files, walls, uploadMaxBytes: config.uploadMaxBytes, writes }),
    posts: createPostService({
      db,
      hub,
      ownerRole,
      limits: { ...defaultPostLimits, postsPerAddress: config.wallPostsPerAddress },
      writes,
    }),
    sessions: createSessionService(auth, config),
    people: createPeopleService(db, writes),
    invitations: createInvitationService({ db, outbox: background.outbox, config, writes }),
    jobs: createJobsService(db),
    audit: createAuditService(db),
    events: createEventService({ db, walls, joinGuesses, writes }),
    groups: createGroupService({ db, walls, writes }),
    deliverables: createDeliverableService({ db, writes }),
    deliverableTemplates: createTemplateService({ db, writes }),
    timeline: createTimelineService({ db, writes }),
  };
}
export type Services = ReturnType<typeof createServices>;

export interface Platform {
  config: Config;
  logger: Logger;
  database: Database;
  mailer: Mailer;
  jobs: JobQueue;
  outbox: MailOutbox;
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
  const writes = createWritePath(database.db, (error) => logger.error("a write's after-commit effect failed", error));
  // The deliverable template and programme phases every workspace starts with (idempotent).
  await installBuiltIns(database.db, writes);
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
  const services = createServices(database, { jobs, outbox, writes }, config, auth, logger);
  // Uploads no post used are removed after a day: an hourly job, run once across instances (files/sweep.ts).
  await scheduleUnusedUploadSweep(jobs, database.db, logger);
  await jobs.start();
  const stopListening = await connectInstances(database, services.hub, logger);
  return {
    config,
    logger,
    database,
    mailer,
    jobs,
    outbox,
    auth,
    services,
    close: async () => {
      await stopListening();
      await jobs.stop();
      await database.close();
    },
  };
}

const wallChannel = "uudistamo_walls";

/**
 * With PostgreSQL several app instances may serve one wall: each announces its
 * committed wall changes and wakes its own streams on the others' announcements
 * (the streams then read the changes from the database, so nothing rides on the
 * notification itself).
 */
async function connectInstances(database: Database, hub: WallHub, logger: Logger): Promise<() => Promise<void>> {
  const channel = database.channel;
  if (!channel) return async () => {};
  // Each instance hears its own announcements too; it has already woken its streams, so it skips them.
  const instance = randomUUID();
  const stop = await channel.listen(
    wallChannel,
    (payload) => {
      const [from, wallId] = payload.split(":");
      if (from !== instance && wallId) hub.wake(wallId);
    },
    () => hub.wakeAll(),
  );
  hub.announceTo((wallId) => {
    channel
      .notify(wallChannel, `${instance}:${wallId}`)
      .catch((error: unknown) => logger.warn("could not announce a wall change to other instances", error));
  });
  return stop;
}
