import { defineModuleServer } from "../module.ts";

// The services, API and pages arrive as the module is built (issue 11); the incentive engine needs none.
export default defineModuleServer({
  services: () => ({}),
});
