import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { Logger } from "../../logger.ts";
import { fileUploads, storedFiles } from "./schema.ts";

/** An upload no post has used is kept this long (someone may still be writing the post), then removed. */
export const unusedUploadMaxAgeMs = 24 * 60 * 60 * 1000;
/** How often the platform sweeps; the first sweep runs a minute after start. */
export const unusedUploadSweepEveryMs = 60 * 60 * 1000;

const batchSize = 500;

/**
 * Deletes every upload that no post ever used and that was made before
 * `olderThan`, with its stored file; answers how many. The upload row is
 * deleted first with `used = false` in its WHERE, so an upload a post claims at
 * the same moment is either claimed (and kept: PostgreSQL re-checks the row
 * after the claim commits) or gone (and the post is refused as "upload not
 * found"), never attached to a deleted file.
 */
export async function removeUnusedUploads(db: Db, olderThan: Date): Promise<number> {
  let removed = 0;
  for (;;) {
    const count = await db.transaction(async (tx) => {
      const candidates = tx
        .select({ id: fileUploads.id })
        .from(fileUploads)
        .where(and(eq(fileUploads.used, false), lt(fileUploads.createdAt, olderThan)))
        .limit(batchSize);
      const gone = await tx
        .delete(fileUploads)
        .where(
          and(inArray(fileUploads.id, candidates), eq(fileUploads.used, false), lt(fileUploads.createdAt, olderThan)),
        )
        .returning({ id: fileUploads.id });
      if (gone.length > 0) {
        await tx.delete(storedFiles).where(
          inArray(
            storedFiles.id,
            gone.map((g) => g.id),
          ),
        );
      }
      return gone.length;
    });
    removed += count;
    if (count < batchSize) return removed;
  }
}

/**
 * Runs removeUnusedUploads now and then in this process (timers that do not
 * keep it alive); stop() cancels the timers and waits for a sweep in progress.
 * Several instances may each sweep: the deletes do not conflict.
 */
export function startUnusedUploadSweep(
  db: Db,
  logger: Logger,
  options: { maxAgeMs?: number; everyMs?: number; firstAfterMs?: number } = {},
): { stop(): Promise<void> } {
  const maxAgeMs = options.maxAgeMs ?? unusedUploadMaxAgeMs;
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = removeUnusedUploads(db, new Date(Date.now() - maxAgeMs)).then(
      (count) => {
        if (count > 0) logger.info(`removed ${count} unused uploads`);
      },
      (error: unknown) => logger.error("removing unused uploads failed", error),
    );
  };
  const first = setTimeout(sweep, options.firstAfterMs ?? 60_000);
  const every = setInterval(sweep, options.everyMs ?? unusedUploadSweepEveryMs);
  first.unref();
  every.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(every);
      await running;
    },
  };
}
