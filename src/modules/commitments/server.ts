import type { EventService } from "../events/service.ts";
import type { FileStore } from "../files/store.ts";
import type { GroupService } from "../groups/service.ts";
import { defineModuleServer } from "../module.ts";
import { registerContractImportRoutes } from "./api/contract-import.ts";
import { registerCommitmentsApi } from "./api/index.ts";
import { describeContractExportFiles, registerContractExportFiles } from "./contract-export-http.ts";
import { createContractImportService } from "./contract-import.ts";
import { createDocumentService } from "./documents.ts";
import { createFinalReportService } from "./final-report.ts";
import { describeFinalReportFile, registerFinalReportFile } from "./final-report-http.ts";
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
    const secondments = createSecondmentService({ db, writes });
    const grants = createGrantService({ db, writes });
    const rampdown = createRampdownService({ db, writes });
    return {
      contracts,
      secondments,
      grants,
      rampdown,
      contractImports: createContractImportService({ db, writes, contractsService: contracts }),
      finalReport: createFinalReportService({
        groups: need<GroupService>("groups"),
        events: need<EventService>("events"),
        secondments,
        grants,
        rampdown,
      }),
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
  api: (api) => {
    registerContractImportRoutes(api);
    registerCommitmentsApi(api);
  },
  routes: (app) => {
    registerCommitmentsFiles(app);
    registerFinalReportFile(app);
    registerContractExportFiles(app);
  },
  downloads: (docs) => {
    describeCommitmentsFiles(docs);
    describeFinalReportFile(docs);
    describeContractExportFiles(docs);
  },
});
