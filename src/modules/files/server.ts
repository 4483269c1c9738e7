import { defineModuleServer } from "../module.ts";
import { describeFileRoute, registerFileRoute } from "./http.ts";
import { createDatabaseFileStore } from "./store.ts";
import { scheduleUnusedUploadSweep } from "./sweep.ts";
import { sweepStaleUploadFolders } from "./temp-sweep.ts";

export default defineModuleServer({
  // Files live in the database by default; another FileStore can be wired here.
  services: ({ db }) => ({ files: createDatabaseFileStore(db) }),
  // Uploads no post used are removed after a day: an hourly job, run once across instances (sweep.ts). Upload
  // folders a killed process left in this machine's temporary folder: at start and hourly here (temp-sweep.ts).
  start: async ({ jobs, db, logger }) => {
    await scheduleUnusedUploadSweep(jobs, db, logger);
    return sweepStaleUploadFolders(logger);
  },
  routes: registerFileRoute,
  downloads: describeFileRoute,
});
