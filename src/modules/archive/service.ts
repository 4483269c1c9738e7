import { mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { desc, eq } from "drizzle-orm";
import type { Caller } from "../../core/caller.ts";
import { AppError } from "../../core/errors.ts";
import { assertUuid } from "../../core/ids.ts";
import { authorize } from "../../core/policy.ts";
import type { WritePath } from "../../core/write.ts";
import type { Db, Tx } from "../../db/client.ts";
import type { JobQueue } from "../../jobs/queue.ts";
import type { Logger } from "../../logger.ts";
import { archiveAudit } from "./audit.ts";
import { archivePolicy } from "./policy.ts";
import { archiveExports } from "./schema.ts";
import { type ArchiveProgress, writeArchive } from "./write-archive.ts";

export const archiveExportJob = "archive.export";

/** Progress is written to the database at most this often (and at the end). */
const progressEveryMs = 500;

export interface ArchiveServiceDeps {
  db: Db;
  writes: WritePath;
  jobs: JobQueue;
  logger: Logger;
  /** DATA_DIR: the ZIPs go in its archives/ folder. */
  dataDir: string;
}

export function createArchiveService({ db, writes, jobs, logger, dataDir }: ArchiveServiceDeps) {
  const write = writes(archiveAudit);
  const folder = path.resolve(dataDir, "archives");

  // Inside a write, its transaction: on PGlite the one connection is the transaction's until it ends.
  async function find(id: string, on: Db | Tx = db) {
    assertUuid(id);
    const [row] = await on.select().from(archiveExports).where(eq(archiveExports.id, id));
    if (!row) throw new AppError("NOT_FOUND");
    return row;
  }

  return {
    /** Queues an export of the whole workspace (admin); the job exists exactly when the request is recorded. */
    start(caller: Caller) {
      return write({
        caller,
        allow: () => authorize(archivePolicy, "startExport", caller.actor),
        run: async ({ tx, audit }) => {
          const [row] = await tx
            .insert(archiveExports)
            .values({ requestedBy: caller.actor?.id ?? null })
            .returning();
          if (!row) throw new Error("archive_exports insert returned no row");
          await audit("export.start", { type: "archive_export", id: row.id });
          await jobs.send(archiveExportJob, { exportId: row.id }, { tx });
          return row;
        },
      });
    },

    async get(caller: Caller, id: string) {
      authorize(archivePolicy, "readExports", caller.actor);
      return find(id);
    },

    /** The latest exports, newest first. */
    async list(caller: Caller) {
      authorize(archivePolicy, "readExports", caller.actor);
      return db.select().from(archiveExports).orderBy(desc(archiveExports.createdAt)).limit(50);
    },

    /** A finished export's ZIP on disk, for a download; the download is audited. */
    async download(caller: Caller, id: string): Promise<{ file: string; size: number; name: string }> {
      return write({
        caller,
        allow: () => authorize(archivePolicy, "readExports", caller.actor),
        run: async ({ tx, audit }) => {
          const row = await find(id, tx);
          if (row.status !== "done" || !row.fileName) throw new AppError("CONFLICT");
          const file = path.join(folder, row.fileName);
          let size: number;
          try {
            size = statSync(file).size;
          } catch {
            // Written on another instance's disk, or removed: DATA_DIR must be shared for several instances.
            throw new AppError("NOT_FOUND");
          }
          await audit("export.download", { type: "archive_export", id: row.id }, { sizeBytes: size });
          const day = row.createdAt.toISOString().slice(0, 10);
          return { file, size, name: `uudistamo-archive-${day}-${row.id.slice(0, 8)}.zip` };
        },
      });
    },

    /**
     * The job: writes the ZIP beside its final name and renames it when complete, so a run cut short (the process
     * killed) leaves no half ZIP to download; the retry starts again from the beginning.
     */
    async run(exportId: string) {
      const row = await find(exportId);
      if (row.status === "done") return;
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const fileName = `${row.id}.zip`;
      const partial = path.join(folder, `${fileName}.partial`);
      await db
        .update(archiveExports)
        .set({ status: "running", startedAt: new Date(), error: null, recordsDone: 0, filesDone: 0 })
        .where(eq(archiveExports.id, row.id));
      let saved = 0;
      const save = async (state: ArchiveProgress, force = false) => {
        if (!force && Date.now() - saved < progressEveryMs) return;
        saved = Date.now();
        await db.update(archiveExports).set(state).where(eq(archiveExports.id, row.id));
      };
      try {
        const result = await writeArchive(db, partial, (state) => save(state));
        renameSync(partial, path.join(folder, fileName));
        await db
          .update(archiveExports)
          .set({
            status: "done",
            fileName,
            sizeBytes: result.size,
            sha256: result.sha256,
            finishedAt: new Date(),
            recordsDone: result.manifest.types.reduce((n, t) => n + t.count, 0),
            filesDone: result.manifest.files.count,
          })
          .where(eq(archiveExports.id, row.id));
      } catch (error) {
        rmSync(partial, { force: true });
        const message = error instanceof Error ? error.message : String(error);
        logger.error(`archive export ${row.id} failed`, message);
        await db
          .update(archiveExports)
          .set({ status: "failed", error: message.slice(0, 500), finishedAt: new Date() })
          .where(eq(archiveExports.id, row.id));
        throw error;
      }
    },
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
