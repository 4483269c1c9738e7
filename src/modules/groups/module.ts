import { defineModule } from "../module.ts";
import { groupsEn, groupsFi, groupsSv } from "./messages.ts";

/** Working groups: members, conveners, their wall and their deliverables; the coordination view. */
export default defineModule({
  name: "groups",
  messages: { fi: groupsFi, sv: groupsSv, en: groupsEn },
  pages: [
    { path: "groups", file: "routes/groups.tsx" },
    { path: "groups/coordination", file: "routes/groups-coordination.tsx" },
    { path: "groups/:slug", file: "routes/group.tsx" },
    { path: "groups/:slug/settings", file: "routes/group-settings.tsx" },
  ],
  navigation: [{ to: "/groups", label: "groups.nav", roles: ["admin", "staff", "member"], order: 40 }],
  server: () => import("./server.ts"),
});
