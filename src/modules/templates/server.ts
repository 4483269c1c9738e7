import { defineModuleServer } from "../module.ts";
import { registerTemplatesApi } from "./api/index.ts";
import { installBuiltIns } from "./builtins.ts";
import { createTemplateService } from "./service.ts";

export default defineModuleServer({
  services: ({ db, writes }) => ({ deliverableTemplates: createTemplateService({ db, writes }) }),
  // The deliverable template and programme phases every workspace starts with (idempotent).
  start: ({ db, writes }) => installBuiltIns(db, writes),
  api: registerTemplatesApi,
});
