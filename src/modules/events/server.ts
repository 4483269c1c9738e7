import { defineModuleServer } from "../module.ts";
import type { WallService } from "../walls/service.ts";
import { registerEventsApi } from "./api.ts";
import { registerEventCalendars } from "./calendar-http.ts";
import { createEventService } from "./service.ts";

export default defineModuleServer({
  services: ({ db, writes, joinGuesses, need }) => ({
    events: createEventService({ db, walls: need<WallService>("walls"), joinGuesses, writes }),
  }),
  api: registerEventsApi,
  routes: registerEventCalendars,
});
