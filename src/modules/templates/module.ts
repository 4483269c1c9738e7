import { defineModule } from "../module.ts";
import { templatesEn, templatesFi, templatesSv } from "./messages.ts";

/** Deliverable templates: the structure (sections, guidance) a working group's deliverable is filled in. */
export default defineModule({
  name: "templates",
  messages: { fi: templatesFi, sv: templatesSv, en: templatesEn },
  pages: [
    { path: "admin/templates", file: "routes/admin.templates.tsx" },
    { path: "admin/templates/:id", file: "routes/admin.template.tsx" },
  ],
  server: () => import("./server.ts"),
});
