import { defineModuleServer } from "../modules/module.ts";
import { registerJobsApi } from "./api.ts";
import { createJobsService } from "./service.ts";

export default defineModuleServer({
  services: ({ db }) => ({ jobs: createJobsService(db) }),
  api: registerJobsApi,
});
