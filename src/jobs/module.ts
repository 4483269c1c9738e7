import { defineModule } from "../modules/module.ts";

/** The background job queue's admin view (the queue itself is the platform's: src/jobs/queue.ts). */
export default defineModule({
  name: "jobs",
  pages: [{ path: "admin/jobs", file: "routes/admin.jobs.tsx" }],
  navigation: [{ to: "/admin/jobs", label: "nav.jobs", roles: ["admin"], order: 80 }],
  server: () => import("./server.ts"),
});
