import { mkdirSync, rmSync } from "node:fs";
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
import { type FileStore, type OpenedFile, readPieces } from "../files/store.ts";
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
  /** Where a finished ZIP is kept (the database's file store), so every app instance can serve it. */
  files: FileStore;
  /** DATA_DIR: a ZIP is built in its archives/ folder, then moved into the file store and removed. */
  dataDir: string;
}

/** The name a download and the stored ZIP get. */
const zipName = (row: { id: string; createdAt: Date }) =>
  `uudistamo-archive-${row.createdAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.zip`;

export function createArchiveService({ db, writes, jobs, logger, files, dataDir }: ArchiveServiceDeps) {
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

    /**
     * A finished export's ZIP from the file store, to stream; the download is audited. Whichever instance built it,
     * any instance serves it. The file is opened after the audit row commits (on PGlite a query outside the write's
     * transaction would wait for it).
     */
    async download(caller: Caller, id: string): Promise<{ file: OpenedFile; name: string }> {
      const row = await write({
        caller,
        allow: () => authorize(archivePolicy, "readExports", caller.actor),
        run: async ({ tx, audit }) => {
          const found = await find(id, tx);
          if (found.status !== "done") throw new AppError("CONFLICT");
          // Done before the ZIPs moved into the file store (migration 0017): that ZIP was on one instance's disk.
          if (!found.fileId) throw new AppError("NOT_FOUND");
          await audit("export.download", { type: "archive_export", id: found.id }, { sizeBytes: found.sizeBytes });
          return found;
        },
      });
      const file = row.fileId ? await files.open(row.fileId) : null;
      if (!file) throw new AppError("NOT_FOUND");
      return { file, name: zipName(row) };
    },

    /**
     * The job: builds the ZIP in DATA_DIR/archives (a scratch file, written as the records are read), then streams
     * it into the file store and marks the export done in one transaction, so a stored ZIP always belongs to its
     * export and a run cut short (the process killed) leaves nothing to download; the retry starts again from the
     * beginning, over the same scratch file, which is removed whatever happens.
     */
    async run(exportId: string) {
      const row = await find(exportId);
      if (row.status === "done") return;
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      const partial = path.join(folder, `${row.id}.zip.partial`);
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
        await db.transaction(async (tx) => {
          const stored = await files.put(
            { data: readPieces(partial), mimeType: "application/zip", name: zipName(row) },
            { within: tx },
          );
          if (stored.sha256 !== result.sha256 || stored.size !== result.size)
            throw new Error("archive: the stored ZIP is not the one written");
          await tx
            .update(archiveExports)
            .set({
              status: "done",
              fileId: stored.id,
              sizeBytes: result.size,
              sha256: result.sha256,
              finishedAt: new Date(),
              recordsDone: result.manifest.types.reduce((n, t) => n + t.count, 0),
              filesDone: result.manifest.files.count,
            })
            .where(eq(archiveExports.id, row.id));
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.error(`archive export ${row.id} failed`, message);
        await db
          .update(archiveExports)
          .set({ status: "failed", error: message.slice(0, 500), finishedAt: new Date() })
          .where(eq(archiveExports.id, row.id));
        throw error;
      } finally {
        rmSync(partial, { force: true });
      }
    },
  };
}

export type ArchiveService = ReturnType<typeof createArchiveService>;
