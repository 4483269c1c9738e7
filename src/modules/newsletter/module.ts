import { defineModule } from "../module.ts";
import { newsletterEn, newsletterFi, newsletterSv } from "./messages.ts";

/**
 * The newsletter (issue 10, points 6–10): subscribers with double opt-in and consent, issues composed from
 * publishing's posts, crash-safe sending through the job queue, unsubscribe and the public archive.
 */
export default defineModule({
  name: "newsletter",
  messages: { fi: newsletterFi, sv: newsletterSv, en: newsletterEn },
  pages: [
    { path: "newsletter", file: "routes/newsletter.tsx" },
    { path: "newsletter/confirm", file: "routes/newsletter-confirm.tsx" },
    { path: "newsletter/unsubscribe", file: "routes/newsletter-unsubscribe.tsx" },
    { path: "newsletter/archive", file: "routes/newsletter-archive.tsx" },
    { path: "newsletter/archive/:id", file: "routes/newsletter-archive-issue.tsx" },
    { path: "newsletter/issues", file: "routes/newsletter-issues.tsx" },
    { path: "newsletter/issues/:id", file: "routes/newsletter-issue.tsx" },
  ],
  navigation: [{ to: "/newsletter/issues", label: "newsletter.nav", roles: ["admin", "staff"], order: 65 }],
  server: () => import("./server.ts"),
});
