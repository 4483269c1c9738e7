import { defineModuleServer } from "../module.ts";
import { registerStrategyApi } from "./api/index.ts";
import { createStrategyService } from "./service.ts";

export default defineModuleServer({
  services: ({ db, writes }) => ({ strategies: createStrategyService({ db, writes }) }),
  api: registerStrategyApi,
});
