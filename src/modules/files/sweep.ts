import { and, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../../db/client.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { Logger } from "../../logger.ts";
import { fileUploads, storedFiles } from "./schema.ts";

/** An upload no post has used is kept this long (someone may still be writing the post), then removed. */
export const unusedUploadMaxAgeMs = 24 * 60 * 60 * 1000;

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

/** The job that sweeps, and when: hourly, at a minute other hourly work does not use. */
export const unusedUploadSweepJob = "files.removeUnusedUploads";
export const unusedUploadSweepCron = "17 * * * *";

/**
 * Makes the sweep a recurring job on the job queue: the queue's cron runs it
 * once an hour across all instances (not once per process), retries it when it
 * fails, and shows it on the admin jobs page. Call before the queue starts.
 */
export async function scheduleUnusedUploadSweep(
  jobs: JobQueue,
  db: Db,
  logger: Logger,
  options: { maxAgeMs?: number; cron?: string } = {},
): Promise<void> {
  const maxAgeMs = options.maxAgeMs ?? unusedUploadMaxAgeMs;
  jobs.define(unusedUploadSweepJob, async () => {
    const count = await removeUnusedUploads(db, new Date(Date.now() - maxAgeMs));
    if (count > 0) logger.info(`removed ${count} unused uploads`);
  });
  await jobs.schedule(unusedUploadSweepJob, options.cron ?? unusedUploadSweepCron);
}
