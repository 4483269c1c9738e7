import { defineModule } from "../module.ts";

/** People and organisations of the workspace. */
export default defineModule({
  name: "people",
  pages: [
    { path: "admin/people", file: "routes/admin.people.tsx" },
    { path: "admin/people/:id", file: "routes/admin.person.tsx" },
    { path: "admin/organisations", file: "routes/admin.organisations.tsx" },
    { path: "admin/organisations/:id", file: "routes/admin.organisation.tsx" },
  ],
  navigation: [
    { to: "/admin/people", label: "nav.people", roles: ["admin", "staff", "member"], order: 50 },
    { to: "/admin/organisations", label: "nav.organisations", roles: ["admin", "staff", "member"], order: 60 },
  ],
  server: () => import("./server.ts"),
});
