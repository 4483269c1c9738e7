import { defineModuleServer } from "../module.ts";
import { registerPeopleApi } from "./api.ts";
import { createPeopleService } from "./service.ts";

export default defineModuleServer({
  services: ({ db, writes }) => ({ people: createPeopleService(db, writes) }),
  api: registerPeopleApi,
});
