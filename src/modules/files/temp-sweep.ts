import { readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Logger } from "../../logger.ts";
import { uploadTempPrefix } from "./multipart.ts";

/**
 * An upload's temporary folder (multipart.ts) older than this is a leftover: its server was killed mid-upload,
 * so no finally removed it. Far longer than any upload takes, so another instance's upload in progress on the
 * same machine is never taken.
 */
export const staleUploadFolderMs = 6 * 60 * 60 * 1000;

/** How often each process looks (temporary folders are per machine, so not a cluster-wide job). */
export const staleUploadSweepMs = 60 * 60 * 1000;

/** Removes upload folders in `dir` last changed before `olderThan`; answers how many. Nothing else is touched. */
export async function removeStaleUploadFolders(olderThan: Date, dir = os.tmpdir()): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isDirectory() || !entry.name.startsWith(uploadTempPrefix)) continue;
    const folder = path.join(dir, entry.name);
    const changed = await stat(folder).then(
      (s) => s.mtime,
      () => null,
    );
    if (!changed || changed >= olderThan) continue;
    await rm(folder, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Sweeps now (a crash's leftovers) and then hourly in this process; returns how to stop. */
export function sweepStaleUploadFolders(logger: Logger, dir?: string): () => Promise<void> {
  const sweep = () =>
    removeStaleUploadFolders(new Date(Date.now() - staleUploadFolderMs), dir).then(
      (removed) => {
        if (removed > 0) logger.info("removed stale upload folders", { removed });
      },
      (error: unknown) => logger.warn("could not sweep stale upload folders", { error: String(error) }),
    );
  void sweep();
  const timer = setInterval(sweep, staleUploadSweepMs);
  timer.unref();
  return async () => clearInterval(timer);
}
