import { defineModuleServer } from "../module.ts";

// The services, API, feeds and pages arrive as the module is built (issue 10).
export default defineModuleServer({
  services: () => ({}),
});
