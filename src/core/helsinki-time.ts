// Events happen in Finnish time, whatever the server's zone: forms give a date
// and wall-clock times in Europe/Helsinki, the database keeps instants (UTC).
const zone = "Europe/Helsinki";

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: zone,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Minutes to add to UTC to get Helsinki wall-clock time at this instant (120 or 180). */
function offsetMinutes(instant: Date): number {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** "2016-08-31" + "09:30" in Helsinki → the instant. */
export function helsinkiToInstant(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wall = Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1, hh ?? 0, mm ?? 0);
  // Two passes settle the offset also next to a daylight-saving change.
  let instant = new Date(wall - offsetMinutes(new Date(wall)) * 60_000);
  instant = new Date(wall - offsetMinutes(instant) * 60_000);
  return instant;
}

/** The instant as Helsinki date "YYYY-MM-DD" and time "HH:MM" (for form fields). */
export function instantToHelsinki(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}
