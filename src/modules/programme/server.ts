import { defineModuleServer } from "../module.ts";
import { registerProgrammeApi } from "./api/index.ts";
import { createTimelineService } from "./service.ts";

export default defineModuleServer({
  services: ({ db, writes }) => ({ timeline: createTimelineService({ db, writes }) }),
  api: registerProgrammeApi,
});
