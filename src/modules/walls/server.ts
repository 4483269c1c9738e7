import { randomUUID } from "node:crypto";
import type { Database } from "../../db/client.ts";
import type { Logger } from "../../logger.ts";
import type { FileStore } from "../files/store.ts";
import { defineModuleServer } from "../module.ts";
import { registerWallsApi } from "./api.ts";
import { createAttachmentService } from "./attachments.ts";
import { createChangeLoader } from "./change-log.ts";
import { createWallCookies } from "./cookies.ts";
import { WallHub } from "./hub.ts";
import { describeWallOutputs, registerWallOutputs } from "./outputs/http.ts";
import { createParticipants } from "./participants.ts";
import type { OwnerRoleResolver } from "./policy.ts";
import { createPostPositions } from "./post-positions.ts";
import { createPostService, defaultPostLimits } from "./posts.ts";
import { createWallService } from "./service.ts";

/** The service name under which a module that owns walls (groups) says who leads and who takes part in them. */
export const wallOwnerRoleService = "wallOwnerRole";

export default defineModuleServer({
  services: ({ db, config, logger, writes, joinGuesses, need }) => {
    const hub = new WallHub(createChangeLoader(db), (error) => logger.error("wall stream dispatch failed", error));
    const participants = createParticipants(config.sessionSecret);
    // Group walls are the group's: the groups module (built after this one) says who leads and who takes part.
    const ownerRole: OwnerRoleResolver = (wall, actor, reader) =>
      need<OwnerRoleResolver>(wallOwnerRoleService)(wall, actor, reader);
    const walls = createWallService({ db, hub, ownerRole, joinGuesses, writes });
    return {
      hub,
      participants,
      wallCookies: createWallCookies(participants, config.sessionSecret, config.publicUrl.startsWith("https://")),
      walls,
      // Where a page of posts sits in the wall's feed (the page's aria-posinset / aria-setsize).
      postPositions: createPostPositions(db),
      attachments: createAttachmentService({
        db,
        files: need<FileStore>("files"),
        walls,
        uploadMaxBytes: config.uploadMaxBytes,
        writes,
      }),
      posts: createPostService({
        db,
        hub,
        ownerRole,
        limits: { ...defaultPostLimits, postsPerAddress: config.wallPostsPerAddress },
        writes,
      }),
    };
  },
  start: async ({ channel, logger, need }) => connectInstances(channel, need<WallHub>("hub"), logger),
  api: registerWallsApi,
  routes: registerWallOutputs,
  downloads: describeWallOutputs,
});

const wallChannel = "uudistamo_walls";

/**
 * With PostgreSQL several app instances may serve one wall: each announces its
 * committed wall changes and wakes its own streams on the others' announcements
 * (the streams then read the changes from the database, so nothing rides on the
 * notification itself).
 */
async function connectInstances(
  channel: Database["channel"],
  hub: WallHub,
  logger: Logger,
): Promise<() => Promise<void>> {
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
