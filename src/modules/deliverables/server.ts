import { defineModuleServer } from "../module.ts";
import { registerDeliverablesApi } from "./api/index.ts";
import { describeDeliverableOutputs, registerDeliverableOutputs } from "./http.ts";
import { createDeliverableService } from "./service.ts";

export default defineModuleServer({
  services: ({ db, writes }) => ({ deliverables: createDeliverableService({ db, writes }) }),
  api: registerDeliverablesApi,
  routes: registerDeliverableOutputs,
  downloads: describeDeliverableOutputs,
});
