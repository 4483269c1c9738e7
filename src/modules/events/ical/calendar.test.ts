import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type CalendarEvent, renderCalendar } from "./calendar.ts";

const seminar: CalendarEvent = {
  uid: "event-1@uudistamo.example",
  title: "Maakuntauudistusseminaari, Kotka; avaus",
  description:
    "Päivän ohjelma:\n- avaus, klo 9.00\n- työpajat; ryhmät A, B ja C\r\n\nTervetuloa! Ääkköset äöå ÄÖÅ " +
    "ja kenoviiva \\ sekä 🎉 – pitkä rivi, joka taittuu useammalle riville, koska se on yli 75 oktettia pitkä.",
  location: "Kotkan konserttitalo, Keskuskatu 33, 48100 Kotka",
  start: new Date("2016-08-31T06:00:00Z"), // 9.00 in Finland (EEST)
  end: new Date("2016-08-31T13:00:00Z"),
  url: "https://uudistamo.example/tapahtumat/kymenlaakso-2016",
  updatedAt: new Date("2016-08-20T10:15:00Z"),
};

const workshop: CalendarEvent = {
  uid: "event-2@uudistamo.example",
  title: "Kasvupalvelut-kiertue: Joensuu",
  start: new Date("2016-12-01T08:00:00Z"), // 10.00 in Finland (EET)
  end: new Date("2016-12-01T10:30:00Z"),
  updatedAt: new Date("2016-11-01T08:00:00Z"),
};

const calendarName = "Uudistamo: tilaisuudet; Kymenlaakso, Pohjois-Karjala";

const lines = (text: string) => text.split("\r\n").slice(0, -1);
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("events as iCalendar", () => {
  const text = renderCalendar({ name: calendarName, events: [seminar, workshop] });

  it("parses back with ical.js: UID, times in UTC, summary, location, description, URL", () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Uudistamo//Uudistamo//FI");
    expect(calendar.getFirstPropertyValue("method")).toBeNull();
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events.map((event) => event.uid)).toEqual([seminar.uid, workshop.uid]);

    const [first, second] = events;
    expect(first?.summary).toBe(seminar.title);
    expect(first?.location).toBe(seminar.location);
    // RFC 5545 has one line break, \n: a CRLF in the text comes back as a line break too.
    expect(first?.description).toBe(seminar.description?.replace("\r\n", "\n"));
    expect(first?.component.getFirstPropertyValue("url")).toBe(seminar.url);
    expect(first?.startDate.toJSDate()).toEqual(seminar.start);
    expect(first?.endDate.toJSDate()).toEqual(seminar.end);
    expect(first?.startDate.zone).toBe(ICAL.Timezone.utcTimezone);
    expect(String(first?.component.getFirstPropertyValue("dtstamp"))).toBe("2016-08-20T10:15:00Z");
    expect(String(first?.component.getFirstPropertyValue("last-modified"))).toBe("2016-08-20T10:15:00Z");

    expect(second?.summary).toBe(workshop.title);
    expect(second?.startDate.toJSDate()).toEqual(workshop.start);
    expect(second?.description).toBeNull();
    expect(second?.location).toBeNull();
  });

  it("writes the times as UTC date-times and the properties RFC 5545 requires", () => {
    const unfolded = lines(unfold(text));
    expect(unfolded.slice(0, 3)).toEqual(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Uudistamo//Uudistamo//FI"]);
    expect(unfolded.at(-1)).toBe("END:VCALENDAR");
    expect(unfolded).toContain("UID:event-1@uudistamo.example");
    expect(unfolded).toContain("DTSTART:20160831T060000Z");
    expect(unfolded).toContain("DTEND:20160831T130000Z");
    expect(unfolded).toContain("DTSTAMP:20160820T101500Z");
    expect(unfolded).toContain("DTSTART:20161201T080000Z");
    expect(unfolded.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(2);
    expect(text).not.toMatch(/TZID|VTIMEZONE|METHOD/);
  });

  it("escapes commas, semicolons, backslashes and line breaks in Finnish text", () => {
    const unfolded = lines(unfold(text));
    expect(unfolded).toContain("SUMMARY:Maakuntauudistusseminaari\\, Kotka\\; avaus");
    expect(unfolded).toContain("LOCATION:Kotkan konserttitalo\\, Keskuskatu 33\\, 48100 Kotka");
    expect(unfolded).toContain("NAME:Uudistamo: tilaisuudet\\; Kymenlaakso\\, Pohjois-Karjala");
    expect(unfolded).toContain("X-WR-CALNAME:Uudistamo: tilaisuudet\\; Kymenlaakso\\, Pohjois-Karjala");
    const description = unfolded.find((line) => line.startsWith("DESCRIPTION:"));
    expect(description).toBe(
      "DESCRIPTION:Päivän ohjelma:\\n- avaus\\, klo 9.00\\n- työpajat\\; ryhmät A\\, B ja C\\n\\nTervetuloa! " +
        "Ääkköset äöå ÄÖÅ ja kenoviiva \\\\ sekä 🎉 – pitkä rivi\\, joka taittuu useammalle riville\\, " +
        "koska se on yli 75 oktettia pitkä.",
    );
  });

  it("ends every line in CRLF and folds lines at 75 octets without splitting a character", () => {
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const physical = lines(text);
    for (const line of physical) {
      expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
      expect(loneSurrogate.test(line), line).toBe(false);
    }
    const folded = physical.filter((line) => line.startsWith(" "));
    expect(folded.length).toBeGreaterThanOrEqual(3);
    // Folding uses the room: the line before a fold is full, short of one multi-byte character.
    const before = physical.findIndex((line) => line.startsWith("DESCRIPTION:"));
    expect(Buffer.byteLength(physical[before] ?? "", "utf8")).toBeGreaterThan(70);
  });

  it("keeps text that tries to start a property of its own inside its property", () => {
    const injected = renderCalendar({
      name: "Nimi\r\nMETHOD:CANCEL",
      events: [{ ...workshop, uid: "x\r\nBEGIN:VEVENT", title: "Otsikko\r\nEND:VEVENT\r\nBEGIN:VEVENT" }],
    });
    const unfolded = lines(unfold(injected));
    expect(unfolded.filter((line) => line.startsWith("BEGIN:VEVENT"))).toHaveLength(1);
    expect(unfolded.filter((line) => line.startsWith("METHOD"))).toHaveLength(0);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(injected)).getFirstSubcomponent("vevent") ?? undefined);
    expect(event.summary).toBe("Otsikko\nEND:VEVENT\nBEGIN:VEVENT");
  });

  it("gives the same text for the same events, and an empty calendar for none", () => {
    expect(renderCalendar({ name: calendarName, events: [seminar, workshop] })).toBe(text);
    const empty = new ICAL.Component(ICAL.parse(renderCalendar({ name: "Tyhjä", events: [] })));
    expect(empty.getAllSubcomponents("vevent")).toEqual([]);
  });

  it("refuses an event that ends before it starts, or an invalid date", () => {
    expect(() =>
      renderCalendar({ name: "x", events: [{ ...workshop, end: new Date("2016-12-01T07:00:00Z") }] }),
    ).toThrow(RangeError);
    expect(() => renderCalendar({ name: "x", events: [{ ...workshop, start: new Date("huomenna") }] })).toThrow(
      RangeError,
    );
  });
});
