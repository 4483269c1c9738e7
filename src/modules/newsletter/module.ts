import { defineModule } from "../module.ts";
import { newsletterEn, newsletterFi, newsletterSv } from "./messages.ts";

/**
 * The newsletter (issue 10, points 6–10): subscribers with double opt-in and consent, issues composed from
 * publishing's posts, crash-safe sending through the job queue, unsubscribe and the public archive.
 */
export default defineModule({
  name: "newsletter",
  messages: { fi: newsletterFi, sv: newsletterSv, en: newsletterEn },
  server: () => import("./server.ts"),
});
