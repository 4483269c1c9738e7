import type { DeliverableService } from "../deliverables/service.ts";
import { defineModuleServer } from "../module.ts";
import type { WallService } from "../walls/service.ts";
import { describeStrategyDownloads, registerStrategyDownloads } from "./api/exports.ts";
import { registerStrategyApi } from "./api/index.ts";
import {
  type ConsultationDeadlineJob,
  type ConsultationService,
  consultationDeadlineJob,
  createConsultationService,
} from "./consultation.ts";
import { createEnvironmentService } from "./environment.ts";
import { createImportService } from "./import.ts";
import { createStrategyService } from "./service.ts";

export default defineModuleServer({
  services: ({ db, writes, jobs, logger, need }) => {
    const consultation = createConsultationService({
      db,
      writes,
      jobs,
      logger,
      walls: () => need<WallService>("walls"),
    });
    return {
      strategies: createStrategyService({
        db,
        writes,
        leftConsultation: consultation.leftConsultation,
        goalAdded: consultation.goalAdded,
      }),
      strategyConsultation: consultation,
      strategyEnvironment: createEnvironmentService({
        db,
        writes,
        deliverables: () => need<DeliverableService>("deliverables"),
      }),
      strategyImports: createImportService({ db, writes }),
    };
  },
  // The consultation's deadline: its walls close at the end of the day (a job sent with the opening).
  start: async ({ jobs, need }) => {
    jobs.define<ConsultationDeadlineJob>(consultationDeadlineJob, async (data) => {
      await need<ConsultationService>("strategyConsultation").closeAtDeadline(data);
    });
  },
  api: registerStrategyApi,
  routes: registerStrategyDownloads,
  downloads: describeStrategyDownloads,
});
