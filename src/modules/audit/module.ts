import { defineModule } from "../module.ts";

/** The audit log every write leaves its row in, for admins. */
export default defineModule({
  name: "audit",
  pages: [{ path: "admin/audit", file: "routes/admin.audit.tsx" }],
  navigation: [{ to: "/admin/audit", label: "nav.audit", roles: ["admin"], order: 70 }],
  server: () => import("./server.ts"),
});
