import type { FileStore } from "../files/store.ts";
import { defineModuleServer } from "../module.ts";
import { registerCommitmentsApi } from "./api/index.ts";
import { createDocumentService } from "./documents.ts";
import { createGrantService } from "./grants.ts";
import { describeCommitmentsFiles, registerCommitmentsFiles } from "./http.ts";
import { createRampdownService } from "./rampdown.ts";
import { createReminderService, type ReminderService } from "./reminders.ts";
import { createSecondmentService } from "./secondments.ts";
import { createContractService, reminderJob } from "./service.ts";

/** Every 15 minutes; pg-boss's cron sends it once across all instances. */
export const reminderCron = "*/15 * * * *";

export default defineModuleServer({
  services: ({ db, writes, jobs, outbox, config, logger, need }) => {
    const contracts = createContractService({ db, writes, jobs });
    return {
      contracts,
      secondments: createSecondmentService({ db, writes }),
      grants: createGrantService({ db, writes }),
      rampdown: createRampdownService({ db, writes }),
      contractDocuments: createDocumentService({
        db,
        writes,
        files: need<FileStore>("files"),
        contractsService: contracts,
        uploadMaxBytes: config.uploadMaxBytes,
      }),
      contractReminders: createReminderService({
        db,
        writes,
        outbox,
        contractsService: contracts,
        publicUrl: config.publicUrl,
        logger,
      }),
    };
  },
  // The reminder sweep: a recurring job, and queued at once by a write that makes a reminder due today. A run cut
  // short (the process killed) counts as failed after a minute and runs again; what it recorded stays sent.
  start: async ({ jobs, need }) => {
    jobs.define(
      reminderJob,
      async () => {
        await need<ReminderService>("contractReminders").sendDue();
      },
      { expireInSeconds: 60, retryLimit: 5, retryDelaySeconds: 5 },
    );
    await jobs.schedule(reminderJob, reminderCron);
  },
  api: registerCommitmentsApi,
  routes: registerCommitmentsFiles,
  downloads: describeCommitmentsFiles,
});
