import { createRoute, z } from "@hono/zod-openapi";
import type { Context, Hono } from "hono";
import type { AppEnv } from "../../http/context.ts";
import { type ApiRouter, errorResponses } from "../../http/openapi.ts";
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

function sendCalendar(c: Context<AppEnv>, name: string, rows: EventView[]) {
  const { publicUrl } = c.get("platform").config;
  c.header("Content-Type", "text/calendar; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${fileName(name)}"`);
  return c.body(renderCalendar({ name, events: rows.map((row) => calendarEvent(row, publicUrl)) }), 200);
}

async function eventCalendar(c: Context<AppEnv>, slug: string) {
  const { event } = await c.get("platform").services.events.getBySlug(c.get("caller"), slug);
  return sendCalendar(c, event.title, [event]);
}

async function seriesCalendar(c: Context<AppEnv>, slug: string) {
  const { series, events } = await c.get("platform").services.events.getSeries(c.get("caller"), slug);
  return sendCalendar(c, series.name, events);
}

/** iCalendar downloads of one event and of a whole series at the addresses the pages link to. */
export function registerEventCalendars(app: Hono<AppEnv>) {
  app.get("/e/:slug/calendar.ics", (c) => eventCalendar(c, c.req.param("slug")));
  app.get("/series/:slug/calendar.ics", (c) => seriesCalendar(c, c.req.param("slug")));
}

const slugParam = z.object({
  slug: z
    .string()
    .min(1)
    .max(40)
    .openapi({ param: { name: "slug", in: "path" } }),
});
const calendarFile = (description: string) => ({
  description,
  content: { "text/calendar": { schema: z.string().openapi({ format: "binary" }) } },
});

/**
 * The same downloads in the API, so the OpenAPI document lists them (its paths
 * all sit under /api); the files are the same as the pages' links give.
 */
export function registerEventCalendarApi(api: ApiRouter) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/events/{slug}/calendar.ics",
      tags: ["Events"],
      summary: "The event as an iCalendar file (RFC 5545, UTC times); the event page links to /e/{slug}/calendar.ics",
      request: { params: slugParam },
      responses: { 200: calendarFile("The event's calendar file"), ...errorResponses("UNAUTHENTICATED", "NOT_FOUND") },
    }),
    (c) => eventCalendar(c, c.req.valid("param").slug),
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/series/{slug}/calendar.ics",
      tags: ["Events"],
      summary:
        "A series' events (those the caller may see) as one iCalendar file; the series page links to /series/{slug}/calendar.ics",
      request: { params: slugParam },
      responses: { 200: calendarFile("The series' calendar file"), ...errorResponses("NOT_FOUND") },
    }),
    (c) => seriesCalendar(c, c.req.valid("param").slug),
  );
}
