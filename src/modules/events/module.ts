import { defineModule } from "../module.ts";
import { eventsEn, eventsFi, eventsSv } from "./messages.ts";

/** Events and series: agenda, workshops, registration, their walls, calendars. */
export default defineModule({
  name: "events",
  messages: { fi: eventsFi, sv: eventsSv, en: eventsEn },
  pages: [
    { path: "events", file: "routes/events.tsx" },
    { path: "e/:slug", file: "routes/event.tsx" },
    { path: "e/:slug/manage", file: "routes/event-manage.tsx" },
    { path: "e/:slug/workshops/:id", file: "routes/event-workshop.tsx" },
    { path: "series/:slug", file: "routes/series.tsx" },
  ],
  navigation: [{ to: "/events", label: "nav.events", roles: ["anyone"], order: 20 }],
  server: () => import("./server.ts"),
});
