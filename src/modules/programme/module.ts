import { defineModule } from "../module.ts";
import { programmeEn, programmeFi, programmeSv } from "./messages.ts";

/** The reform programme's timeline: phases and milestones the working groups' deadlines hang on. */
export default defineModule({
  name: "programme",
  messages: { fi: programmeFi, sv: programmeSv, en: programmeEn },
  pages: [{ path: "timeline", file: "routes/timeline.tsx" }],
  server: () => import("./server.ts"),
});
