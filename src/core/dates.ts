import { Temporal } from "temporal-polyfill";
import { intlTag, type Locale } from "../i18n/locale.ts";
import { finnishHolidays } from "./finnish-holidays.ts";

/**
 * Dates and times as people in Finland mean them, on the Temporal polyfill.
 *
 * - An instant (a `Date`, what the database keeps) becomes Helsinki wall-clock
 *   time only for display and forms; a form's date and time are Helsinki time,
 *   whatever zone the server runs in.
 * - Calendar days (deadlines, contract ends, measurement dates) are
 *   `Temporal.PlainDate` with no time or zone; JSON and form fields carry them
 *   as "YYYY-MM-DD".
 * - Month arithmetic clamps to the month's end (31.1. + 1 month = 28.2., or
 *   29.2. in a leap year), as Finnish law counts periods (laki säädettyjen
 *   määräaikain laskemisesta 150/1930, 4 §).
 */
export { Temporal };
export type PlainDate = Temporal.PlainDate;

export const helsinkiZone = "Europe/Helsinki";

/** A "YYYY-MM-DD" string or a PlainDate, as a PlainDate (a malformed or impossible date throws RangeError). */
export const plainDate = (date: PlainDate | string): PlainDate =>
  typeof date === "string" ? Temporal.PlainDate.from(date, { overflow: "reject" }) : date;

/**
 * "2016-08-31" + "09:30" in Helsinki → the instant. A time skipped when the
 * clocks go forward (03:30 on the last Sunday of March) is read as the hour
 * after (04:30); a time that occurs twice in October is the first (summer time).
 */
export function helsinkiToInstant(date: string, time: string): Date {
  const wall = plainDate(date).toPlainDateTime(Temporal.PlainTime.from(time));
  const instant = wall.toZonedDateTime(helsinkiZone, { disambiguation: "compatible" }).toInstant();
  return new Date(instant.epochMilliseconds);
}

const zoned = (instant: Date) =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(helsinkiZone);

/** The instant as Helsinki date "YYYY-MM-DD" and time "HH:MM" (for form fields). */
export function instantToHelsinki(instant: Date): { date: string; time: string } {
  const z = zoned(instant);
  return { date: z.toPlainDate().toString(), time: z.toPlainTime().toString({ smallestUnit: "minute" }) };
}

/** The calendar day in Finland at this instant (today by default). */
export const helsinkiDate = (instant: Date = new Date()): PlainDate => zoned(instant).toPlainDate();

/** The instant a Helsinki calendar day starts (00:00 local time): for "from this day" database conditions. */
export const startOfHelsinkiDay = (date: PlainDate | string): Date =>
  new Date(plainDate(date).toZonedDateTime({ timeZone: helsinkiZone }).epochMilliseconds);

export const addDays = (date: PlainDate | string, days: number): PlainDate => plainDate(date).add({ days });
/** Month arithmetic ends on the month's last day when the day does not exist: 31.1.2024 + 1 → 29.2.2024. */
export const addMonths = (date: PlainDate | string, months: number): PlainDate => plainDate(date).add({ months });
export const addYears = (date: PlainDate | string, years: number): PlainDate => plainDate(date).add({ years });

export const endOfMonth = (date: PlainDate | string): PlainDate => {
  const d = plainDate(date);
  return d.with({ day: d.daysInMonth });
};
export const isEndOfMonth = (date: PlainDate | string): boolean => {
  const d = plainDate(date);
  return d.day === d.daysInMonth;
};

/** −1, 0 or 1, for sorting and comparing days. */
export const compareDates = (a: PlainDate | string, b: PlainDate | string): number =>
  Temporal.PlainDate.compare(plainDate(a), plainDate(b));

/** Whole calendar days from a to b (negative if b is earlier). */
export const daysBetween = (a: PlainDate | string, b: PlainDate | string): number =>
  plainDate(a).until(plainDate(b), { largestUnit: "day" }).days;

/** Calendar days from today in Finland to the date: 0 on the day, 1 the day before, negative after it. */
export const daysUntil = (date: PlainDate | string, now: Date = new Date()): number =>
  daysBetween(helsinkiDate(now), date);

/** A period such as a notice period: { months: 3 }, { days: 14 }, or ISO 8601 "P3M". */
export type Period = Temporal.DurationLike | string;
const duration = (period: Period): Temporal.Duration => {
  const d = Temporal.Duration.from(period);
  if (d.sign < 0 || d.hours || d.minutes || d.seconds || d.milliseconds || d.microseconds || d.nanoseconds)
    throw new RangeError(`DATES_BAD_PERIOD ${d.toString()}`);
  return d;
};

/**
 * The last day notice can be given for a contract (or option, or secondment)
 * that ends on `end`, given a notice period.
 *
 * Notice given on day D runs the period from D: it ends on D + period, counted
 * as Finnish law counts months (the same-numbered day, or the month's last day
 * when that day does not exist). The deadline is the latest D whose period is
 * over by the end of `end`, i.e. D + period ≤ end. So a contract ending
 * 31.12.2019 with 3 months' notice must be given notice by 30.9.2019, and one
 * ending 30.6.2019 by 31.3.2019 (31.3. + 3 months = 30.6.).
 *
 * The result can be a weekend or a holiday; show `workingDayOnOrBefore()` of
 * it as the day to act by.
 */
export function noticeDeadline(end: PlainDate | string, period: Period): PlainDate {
  const last = plainDate(end);
  const p = duration(period);
  const fits = (d: PlainDate) => Temporal.PlainDate.compare(d.add(p), last) <= 0;
  // Subtracting lands within a few days of the answer (month ends clamp); D + period only grows with D,
  // so step back until it fits, then forward while the next day still fits.
  let deadline = last.subtract(p);
  while (!fits(deadline)) deadline = deadline.subtract({ days: 1 });
  while (fits(deadline.add({ days: 1 }))) deadline = deadline.add({ days: 1 });
  return deadline;
}

/** The day a reminder is due, N days before a date (e.g. 30 days before a notice deadline). */
export const reminderDate = (date: PlainDate | string, daysBefore: number): PlainDate =>
  plainDate(date).subtract({ days: daysBefore });

/** Saturday, Sunday and Finnish public holidays, with Christmas Eve and Midsummer Eve (see finnish-holidays.ts), are not working days. */
export function isWorkingDay(date: PlainDate | string): boolean {
  const d = plainDate(date);
  if (d.dayOfWeek >= 6) return false;
  return !finnishHolidays(d.year).some((h) => h.date.equals(d));
}

/** The date itself if it is a working day, else the closest working day before it (a deadline on Sunday → Friday). */
export function workingDayOnOrBefore(date: PlainDate | string): PlainDate {
  let d = plainDate(date);
  while (!isWorkingDay(d)) d = d.subtract({ days: 1 });
  return d;
}

/** The ISO 8601 week ("2026-W14"): Monday-to-Sunday weeks, week 1 holds the year's first Thursday, as in Finland. */
export function isoWeek(date: PlainDate | string): { year: number; week: number } {
  const d = plainDate(date);
  return { year: d.yearOfWeek ?? d.year, week: d.weekOfYear ?? 1 };
}

/** A calendar day in the language's long form ("31. joulukuuta 2019", "31 December 2019"). */
export function formatPlainDate(locale: Locale, date: PlainDate | string, style: "long" | "short" = "long"): string {
  const d = plainDate(date);
  // Noon UTC on the day, formatted in UTC: the day cannot shift with any zone.
  return new Intl.DateTimeFormat(intlTag[locale], {
    dateStyle: style === "long" ? "long" : "short",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(d.year, d.month - 1, d.day, 12)));
}
