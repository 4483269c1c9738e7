import { defineModule } from "../module.ts";
import { archiveEn, archiveFi, archiveSv } from "./messages.ts";

/** The archive export of the whole workspace for long-term preservation (and its importer, scripts/archive-import.ts). */
export default defineModule({
  name: "archive",
  messages: { fi: archiveFi, sv: archiveSv, en: archiveEn },
  pages: [{ path: "admin/archive", file: "routes/admin.archive.tsx" }],
  // Admins start exports; auditors follow them and download finished ones (policy.ts).
  navigation: [{ to: "/admin/archive", label: "archive.nav", roles: ["admin", "auditor"], order: 75 }],
  server: () => import("./server.ts"),
});
