import { defineModule } from "../module.ts";
import { deliverablesEn, deliverablesFi, deliverablesSv } from "./messages.ts";

/** Deliverables: a working group's structured document, section by section, with versions and exports. */
export default defineModule({
  name: "deliverables",
  messages: { fi: deliverablesFi, sv: deliverablesSv, en: deliverablesEn },
  pages: [
    { path: "d/:id", file: "routes/deliverable.tsx" },
    { path: "d/:id/s/:sectionId", file: "routes/deliverable-section.tsx" },
    { path: "d/:id/s/:sectionId/history", file: "routes/deliverable-history.tsx" },
  ],
  server: () => import("./server.ts"),
});
