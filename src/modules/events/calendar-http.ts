import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type CalendarEvent, renderCalendar } from "./ical/calendar.ts";
import type { EventView } from "./presenters.ts";

const calendarEvent = (event: EventView, publicUrl: string): CalendarEvent => ({
  uid: `event-${event.id}@${new URL(publicUrl).host}`,
  title: event.title,
  description: event.description,
  location: [event.place, event.city].filter((part, i, all) => part && all.indexOf(part) === i).join(", "),
  start: new Date(event.startsAt),
  end: new Date(event.endsAt),
  url: `${publicUrl}/e/${event.slug}`,
  updatedAt: new Date(event.updatedAt),
});

const fileName = (text: string) =>
  `${
    text
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .toLowerCase()
      .slice(0, 60) || "calendar"
  }.ics`;

/** iCalendar downloads of one event and of a whole series, for calendar programs to import. */
export function registerEventCalendars(app: Hono<AppEnv>) {
  const send = (c: Context<AppEnv>, name: string, rows: EventView[]) => {
    const { publicUrl } = c.get("platform").config;
    c.header("Content-Type", "text/calendar; charset=utf-8");
    c.header("Content-Disposition", `attachment; filename="${fileName(name)}"`);
    return c.body(renderCalendar({ name, events: rows.map((row) => calendarEvent(row, publicUrl)) }));
  };

  app.get("/e/:slug/calendar.ics", async (c) => {
    const { event } = await c.get("platform").services.events.getBySlug(c.get("caller"), c.req.param("slug"));
    return send(c, event.title, [event]);
  });

  app.get("/series/:slug/calendar.ics", async (c) => {
    const { series, events: rows } = await c
      .get("platform")
      .services.events.getSeries(c.get("caller"), c.req.param("slug"));
    return send(c, series.name, rows);
  });
}
