import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  daysUntil,
  endOfMonth,
  formatPlainDate,
  helsinkiDate,
  helsinkiToInstant,
  instantToHelsinki,
  isEndOfMonth,
  isoWeek,
  isWorkingDay,
  noticeDeadline,
  plainDate,
  reminderDate,
  startOfHelsinkiDay,
  Temporal,
  workingDayOnOrBefore,
} from "./dates.ts";
import { easterSunday, finnishHolidays } from "./finnish-holidays.ts";

const iso = (d: { toString(): string }) => d.toString();

describe("Helsinki wall-clock time", () => {
  it("converts summer and winter times to the right instants and back", () => {
    expect(helsinkiToInstant("2016-08-31", "09:00").toISOString()).toBe("2016-08-31T06:00:00.000Z");
    expect(helsinkiToInstant("2018-02-09", "13:30").toISOString()).toBe("2018-02-09T11:30:00.000Z");
    expect(instantToHelsinki(new Date("2016-08-31T06:00:00Z"))).toEqual({ date: "2016-08-31", time: "09:00" });
    expect(instantToHelsinki(new Date("2019-12-31T22:30:00Z"))).toEqual({ date: "2020-01-01", time: "00:30" });
  });

  it("handles the night the clocks go forward (29 March 2026: 03:00 became 04:00)", () => {
    expect(helsinkiToInstant("2016-03-27", "02:30").toISOString()).toBe("2016-03-27T00:30:00.000Z");
    expect(helsinkiToInstant("2016-03-27", "05:00").toISOString()).toBe("2016-03-27T02:00:00.000Z");
    expect(helsinkiToInstant("2026-03-29", "02:59").toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(helsinkiToInstant("2026-03-29", "04:00").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // 03:30 never happened: read as the hour after.
    expect(helsinkiToInstant("2026-03-29", "03:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantToHelsinki(new Date("2026-03-29T00:59:00Z"))).toEqual({ date: "2026-03-29", time: "02:59" });
    expect(instantToHelsinki(new Date("2026-03-29T01:00:00Z"))).toEqual({ date: "2026-03-29", time: "04:00" });
  });

  it("handles the night the clocks go back (25 October 2026: 04:00 became 03:00)", () => {
    expect(helsinkiToInstant("2026-10-25", "02:30").toISOString()).toBe("2026-10-24T23:30:00.000Z");
    // 03:30 happened twice: the first, still summer time.
    expect(helsinkiToInstant("2026-10-25", "03:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(helsinkiToInstant("2026-10-25", "04:30").toISOString()).toBe("2026-10-25T02:30:00.000Z");
    expect(instantToHelsinki(new Date("2026-10-25T00:30:00Z"))).toEqual({ date: "2026-10-25", time: "03:30" });
    expect(instantToHelsinki(new Date("2026-10-25T01:30:00Z"))).toEqual({ date: "2026-10-25", time: "03:30" });
  });

  it("knows Finland's calendar day whatever the server's zone, and counts days until a date", () => {
    expect(iso(helsinkiDate(new Date("2026-03-28T22:30:00Z")))).toBe("2026-03-29");
    expect(iso(helsinkiDate(new Date("2026-03-28T21:59:00Z")))).toBe("2026-03-28");
    expect(startOfHelsinkiDay("2026-10-25").toISOString()).toBe("2026-10-24T21:00:00.000Z");
    expect(startOfHelsinkiDay("2026-10-26").toISOString()).toBe("2026-10-25T22:00:00.000Z");
    const now = new Date("2019-03-20T10:00:00Z");
    expect(daysUntil("2019-03-20", now)).toBe(0);
    expect(daysUntil("2019-06-30", now)).toBe(102);
    expect(daysUntil("2019-03-08", now)).toBe(-12);
    // Across the spring change a day is 23 hours, still one day.
    expect(daysUntil("2026-03-30", new Date("2026-03-28T22:30:00Z"))).toBe(1);
  });

  it("refuses impossible dates", () => {
    expect(() => plainDate("2019-02-29")).toThrow(RangeError);
    expect(() => plainDate("31.12.2019")).toThrow(RangeError);
    expect(() => helsinkiToInstant("2019-13-01", "10:00")).toThrow(RangeError);
  });
});

describe("calendar arithmetic", () => {
  it("adds days, months and years, ending on the month's last day when the day does not exist", () => {
    expect(iso(addMonths("2024-01-31", 1))).toBe("2024-02-29"); // leap year
    expect(iso(addMonths("2023-01-31", 1))).toBe("2023-02-28");
    expect(iso(addMonths("2019-08-31", 1))).toBe("2019-09-30");
    expect(iso(addMonths("2019-04-01", 3))).toBe("2019-07-01");
    expect(iso(addYears("2024-02-29", 1))).toBe("2025-02-28");
    expect(iso(addDays("2024-02-28", 1))).toBe("2024-02-29");
    expect(iso(addDays("2019-12-31", 1))).toBe("2020-01-01");
    expect(iso(endOfMonth("2024-02-10"))).toBe("2024-02-29");
    expect(iso(endOfMonth("2019-06-01"))).toBe("2019-06-30");
    expect(isEndOfMonth("2019-06-30")).toBe(true);
    expect(isEndOfMonth("2024-02-28")).toBe(false);
  });

  it("gives ISO weeks as used in Finland", () => {
    expect(isoWeek("2026-03-29")).toEqual({ year: 2026, week: 13 });
    expect(isoWeek("2019-12-30")).toEqual({ year: 2020, week: 1 });
    expect(isoWeek("2021-01-03")).toEqual({ year: 2020, week: 53 });
  });

  it("formats a calendar day in each language without shifting it", () => {
    expect(formatPlainDate("fi", "2019-12-31")).toBe("31. joulukuuta 2019");
    expect(formatPlainDate("sv", "2019-12-31")).toBe("31 december 2019");
    expect(formatPlainDate("en", "2019-12-31")).toBe("31 December 2019");
    expect(formatPlainDate("fi", "2019-06-30", "short")).toBe("30.6.2019");
  });
});

describe("notice deadlines", () => {
  it("framework agreements valid to 31.12.2019: 3 months' notice by 30.9.2019, 6 months' by 30.6.2019", () => {
    expect(iso(noticeDeadline("2019-12-31", { months: 3 }))).toBe("2019-09-30");
    expect(iso(noticeDeadline("2019-12-31", "P3M"))).toBe("2019-09-30");
    // 30.9.2019 is a Monday: that is the day to act by.
    expect(iso(workingDayOnOrBefore(noticeDeadline("2019-12-31", { months: 3 })))).toBe("2019-09-30");
    // 30.6.2019 is a Sunday: shown as Friday 28.6.
    expect(iso(noticeDeadline("2019-12-31", { months: 6 }))).toBe("2019-06-30");
    expect(iso(workingDayOnOrBefore(noticeDeadline("2019-12-31", { months: 6 })))).toBe("2019-06-28");
  });

  it("secondments returned 1.4.–30.6.2019: a month's notice for 30.6. by 31.5., three months' by 31.3.", () => {
    expect(iso(noticeDeadline("2019-06-30", { months: 1 }))).toBe("2019-05-31");
    // 31.3. + 3 months = 30.6. (June has no 31st), so notice on 31.3. still ends the secondment on 30.6.
    expect(iso(noticeDeadline("2019-06-30", { months: 3 }))).toBe("2019-03-31");
    // 31.3.2019 is a Sunday.
    expect(iso(workingDayOnOrBefore("2019-03-31"))).toBe("2019-03-29");
    expect(iso(noticeDeadline("2019-04-01", { days: 14 }))).toBe("2019-03-18");
    // A reminder 30 days before the deadline.
    expect(iso(reminderDate("2019-09-30", 30))).toBe("2019-08-31");
  });

  it("is the latest day whose notice period is over by the end date, for any date and period", () => {
    const day = fc.date({ min: new Date("2000-01-01"), max: new Date("2040-12-31"), noInvalidDate: true });
    const period = fc.oneof(
      fc.record({ months: fc.integer({ min: 1, max: 24 }) }),
      fc.record({ days: fc.integer({ min: 1, max: 400 }) }),
      fc.record({ months: fc.integer({ min: 0, max: 12 }), days: fc.integer({ min: 0, max: 40 }) }),
    );
    fc.assert(
      fc.property(day, period, (date, p) => {
        const end = Temporal.PlainDate.from(date.toISOString().slice(0, 10));
        const deadline = noticeDeadline(end, p);
        expect(Temporal.PlainDate.compare(deadline.add(p), end)).toBeLessThanOrEqual(0);
        expect(Temporal.PlainDate.compare(deadline.add({ days: 1 }).add(p), end)).toBe(1);
      }),
    );
  });
});

describe("Finnish holidays and working days", () => {
  it("finds Easter (2019: 21 April) and the holidays that follow it", () => {
    expect(iso(easterSunday(2019))).toBe("2019-04-21");
    expect(iso(easterSunday(2024))).toBe("2024-03-31");
    expect(iso(easterSunday(2026))).toBe("2026-04-05");
    expect(finnishHolidays(2019).map((h) => `${h.id} ${h.date}${h.official ? "" : " (in practice)"}`)).toEqual([
      "newYearsDay 2019-01-01",
      "epiphany 2019-01-06",
      "goodFriday 2019-04-19",
      "easterSunday 2019-04-21",
      "easterMonday 2019-04-22",
      "mayDay 2019-05-01",
      "ascensionDay 2019-05-30",
      "whitSunday 2019-06-09",
      "midsummerEve 2019-06-21 (in practice)",
      "midsummerDay 2019-06-22",
      "allSaintsDay 2019-11-02",
      "independenceDay 2019-12-06",
      "christmasEve 2019-12-24 (in practice)",
      "christmasDay 2019-12-25",
      "stStephensDay 2019-12-26",
    ]);
    // Midsummer and All Saints' Day fall on the Saturday of their week.
    const y2026 = Object.fromEntries(finnishHolidays(2026).map((h) => [h.id, iso(h.date)]));
    expect(y2026).toMatchObject({ midsummerEve: "2026-06-19", midsummerDay: "2026-06-20", allSaintsDay: "2026-10-31" });
  });

  it("moves a deadline on a weekend or a holiday to the working day before", () => {
    expect(isWorkingDay("2019-04-18")).toBe(true);
    expect(isWorkingDay("2019-04-19")).toBe(false); // Good Friday
    expect(iso(workingDayOnOrBefore("2019-04-22"))).toBe("2019-04-18"); // Easter Monday → Maundy Thursday
    expect(iso(workingDayOnOrBefore("2019-05-30"))).toBe("2019-05-29"); // Ascension Day
    expect(iso(workingDayOnOrBefore("2019-06-23"))).toBe("2019-06-20"); // Midsummer weekend → Thursday
    expect(iso(workingDayOnOrBefore("2019-12-26"))).toBe("2019-12-23"); // Christmas Eve is a day off too
    expect(iso(workingDayOnOrBefore("2019-12-06"))).toBe("2019-12-05");
    expect(iso(workingDayOnOrBefore("2020-01-01"))).toBe("2019-12-31");
    expect(iso(workingDayOnOrBefore("2019-09-30"))).toBe("2019-09-30");
  });
});
