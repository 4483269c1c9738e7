import { defineModule } from "../module.ts";
import { archiveEn, archiveFi, archiveSv } from "./messages.ts";

/** The archive export of the whole workspace for long-term preservation (and its importer, scripts/archive-import.ts). */
export default defineModule({
  name: "archive",
  messages: { fi: archiveFi, sv: archiveSv, en: archiveEn },
  server: () => import("./server.ts"),
});
