import ical, { escape as escapeText } from "ical-generator";

/** An event as the calendar export shows it; the events module fills it in. */
export interface CalendarEvent {
  /** Stable and globally unique, e.g. `event-<id>@<host>`: calendar programs update the event by it. */
  uid: string;
  title: string;
  /** Plain text; line breaks are kept. */
  description?: string;
  location?: string;
  start: Date;
  end: Date;
  /** The event's page. */
  url?: string;
  updatedAt: Date;
}

export interface Calendar {
  name: string;
  events: CalendarEvent[];
}

/** How often a subscribed calendar program should fetch the feed again. */
const refreshSeconds = 60 * 60;

function validDate(value: Date, field: string, uid: string): Date {
  if (Number.isNaN(value.getTime())) throw new RangeError(`Calendar event ${uid}: ${field} is not a valid date`);
  return value;
}

/**
 * The events as RFC 5545 iCalendar text (CRLF lines folded at 75 octets,
 * text escaped), for a download or a subscribed feed.
 *
 * Times are written in UTC ("20160831T060000Z"): every calendar program
 * imports UTC times and shows them in the reader's own time zone, while a
 * TZID=Europe/Helsinki time obliges the file to carry a VTIMEZONE definition
 * that some programs (Outlook in particular) read unreliably. A single,
 * non-repeating event is one instant either way, so nothing is lost; local
 * time would only matter for recurrence across a daylight-saving change.
 *
 * No METHOD: a published feed is a plain iCalendar object (METHOD:PUBLISH
 * would make it an iTIP message, which requires an ORGANIZER). DTSTAMP and
 * LAST-MODIFIED are the event's updatedAt, so the same events give the same
 * text.
 */
export function renderCalendar(calendar: Calendar): string {
  const cal = ical({
    // ical-generator 10 writes NAME, X-WR-CALNAME and UID as given: escaped here, so a comma, a semicolon
    // or a line break stays text (a line break would otherwise start a property of its own).
    name: escapeText(calendar.name, false),
    prodId: { company: "Uudistamo", product: "Uudistamo", language: "FI" },
    ttl: refreshSeconds,
  });
  for (const event of calendar.events) {
    const start = validDate(event.start, "start", event.uid);
    const end = validDate(event.end, "end", event.uid);
    if (end < start) throw new RangeError(`Calendar event ${event.uid} ends before it starts`);
    const updatedAt = validDate(event.updatedAt, "updatedAt", event.uid);
    cal.createEvent({
      id: escapeText(event.uid, false),
      start,
      end,
      stamp: updatedAt,
      lastModified: updatedAt,
      summary: event.title,
      ...(event.description ? { description: event.description } : {}),
      ...(event.location ? { location: event.location } : {}),
      ...(event.url ? { url: event.url } : {}),
    });
  }
  // Every content line ends in CRLF (RFC 5545 3.1), the last one too.
  return `${cal.toString().replace(/(\r\n)?$/, "")}\r\n`;
}
