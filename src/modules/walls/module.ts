import { defineModule } from "../module.ts";
import { wallsEn, wallsFi, wallsSv } from "./messages.ts";
import { outputsEn, outputsFi, outputsSv } from "./outputs/messages.ts";

/** Live participation walls: posts, moderation, the live stream, QR codes, posters, summaries and exports. */
export default defineModule({
  name: "walls",
  messages: { fi: { ...wallsFi, ...outputsFi }, sv: { ...wallsSv, ...outputsSv }, en: { ...wallsEn, ...outputsEn } },
  pages: [
    { path: "walls", file: "routes/walls.tsx" },
    { path: "w/:slug", file: "routes/wall.tsx" },
    { path: "w/:slug/present", file: "routes/wall-present.tsx" },
    { path: "w/:slug/settings", file: "routes/wall-settings.tsx" },
    { path: "w/:slug/poster", file: "routes/wall-poster.tsx" },
    { path: "w/:slug/summary", file: "routes/wall-summary.tsx" },
  ],
  navigation: [{ to: "/walls", label: "nav.walls", roles: ["admin", "staff"], order: 30 }],
  server: () => import("./server.ts"),
});
