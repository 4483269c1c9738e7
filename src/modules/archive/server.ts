import type { FileStore } from "../files/store.ts";
import { defineModuleServer } from "../module.ts";
import { registerArchiveApi } from "./api.ts";
import { describeArchiveDownload, registerArchiveDownload } from "./http.ts";
import { type ArchiveService, archiveExportJob, createArchiveService } from "./service.ts";

export default defineModuleServer({
  services: ({ db, writes, jobs, logger, config, need }) => ({
    archive: createArchiveService({
      db,
      writes,
      jobs,
      logger,
      files: need<FileStore>("files"),
      dataDir: config.dataDir,
    }),
  }),
  // One export at a time per worker; a run cut short counts as failed after the expiry and starts again.
  start: async ({ jobs, need }) => {
    jobs.define<{ exportId: string }>(
      archiveExportJob,
      async ({ exportId }) => {
        await need<ArchiveService>("archive").run(exportId);
      },
      { expireInSeconds: 6 * 60 * 60, retryLimit: 2, retryDelaySeconds: 30 },
    );
  },
  api: registerArchiveApi,
  routes: registerArchiveDownload,
  downloads: describeArchiveDownload,
});
