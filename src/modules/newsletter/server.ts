import { defineModuleServer } from "../module.ts";

// The services, API arrive as the module is built (issue 10, the newsletter).
export default defineModuleServer({
  services: () => ({}),
});
