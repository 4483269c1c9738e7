import { defineModuleServer } from "../module.ts";
import { describeFileRoute, registerFileRoute } from "./http.ts";
import { createDatabaseFileStore } from "./store.ts";
import { scheduleUnusedUploadSweep } from "./sweep.ts";

export default defineModuleServer({
  // Files live in the database by default; another FileStore can be wired here.
  services: ({ db }) => ({ files: createDatabaseFileStore(db) }),
  // Uploads no post used are removed after a day: an hourly job, run once across instances (sweep.ts).
  start: ({ jobs, db, logger }) => scheduleUnusedUploadSweep(jobs, db, logger),
  routes: registerFileRoute,
  downloads: describeFileRoute,
});
