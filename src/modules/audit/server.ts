import { defineModuleServer } from "../module.ts";
import { registerAuditApi } from "./api.ts";
import { createAuditService } from "./service.ts";

export default defineModuleServer({
  services: ({ db }) => ({ audit: createAuditService(db) }),
  api: registerAuditApi,
});
