import { Temporal } from "temporal-polyfill";

/**
 * Finnish public holidays (pyhäpäivät) and the two eves that are days off in
 * practice. By law (and in collective agreements) Christmas Eve and Midsummer
 * Eve are not public holidays, but offices, courts' registries and most
 * workplaces are closed, so a deadline on them moves to the working day
 * before, like one on a holiday; they are marked `official: false`.
 * Sundays are days off anyway; Easter Sunday and Whit Sunday are listed for
 * calendars.
 */
export const holidayIds = [
  "newYearsDay",
  "epiphany",
  "goodFriday",
  "easterSunday",
  "easterMonday",
  "mayDay",
  "ascensionDay",
  "whitSunday",
  "midsummerEve",
  "midsummerDay",
  "allSaintsDay",
  "independenceDay",
  "christmasEve",
  "christmasDay",
  "stStephensDay",
] as const;
export type HolidayId = (typeof holidayIds)[number];

export interface Holiday {
  id: HolidayId;
  date: Temporal.PlainDate;
  /** False for Christmas Eve and Midsummer Eve: days off in practice, not by law. */
  official: boolean;
  /** Its name's message key (src/core/messages.ts). */
  messageKey: `holidays.${HolidayId}`;
}

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Temporal.PlainDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return Temporal.PlainDate.from({ year, month, day });
}

/** The first day with this weekday (1 = Monday … 6 = Saturday) on or after the date. */
const weekdayOnOrAfter = (date: Temporal.PlainDate, weekday: number) =>
  date.add({ days: (weekday - date.dayOfWeek + 7) % 7 });

const cache = new Map<number, Holiday[]>();

/** The year's holidays in date order. */
export function finnishHolidays(year: number): Holiday[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const on = (month: number, day: number) => Temporal.PlainDate.from({ year, month, day });
  const easter = easterSunday(year);
  const midsummerDay = weekdayOnOrAfter(on(6, 20), 6);
  const days: [HolidayId, Temporal.PlainDate, boolean?][] = [
    ["newYearsDay", on(1, 1)],
    ["epiphany", on(1, 6)],
    ["goodFriday", easter.subtract({ days: 2 })],
    ["easterSunday", easter],
    ["easterMonday", easter.add({ days: 1 })],
    ["mayDay", on(5, 1)],
    ["ascensionDay", easter.add({ days: 39 })],
    ["whitSunday", easter.add({ days: 49 })],
    ["midsummerEve", midsummerDay.subtract({ days: 1 }), false],
    ["midsummerDay", midsummerDay],
    ["allSaintsDay", weekdayOnOrAfter(on(10, 31), 6)],
    ["independenceDay", on(12, 6)],
    ["christmasEve", on(12, 24), false],
    ["christmasDay", on(12, 25)],
    ["stStephensDay", on(12, 26)],
  ];
  const holidays = days
    .map(([id, date, official = true]): Holiday => ({ id, date, official, messageKey: `holidays.${id}` }))
    .sort((x, y) => Temporal.PlainDate.compare(x.date, y.date));
  cache.set(year, holidays);
  return holidays;
}
