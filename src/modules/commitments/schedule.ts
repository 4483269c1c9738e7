import {
  compareDates,
  noticeDeadline,
  type PlainDate,
  plainDate,
  reminderDate,
  workingDayOnOrBefore,
} from "../../core/dates.ts";
import type { NoticeUnit, ReminderKind } from "./constants.ts";

/** Days before each date a reminder goes out; null: no reminder of that kind. */
export interface ReminderDays {
  startDays: number | null;
  endDays: number | null;
  optionEndDays: number | null;
  noticeDays: number | null;
}

export const noReminders: ReminderDays = { startDays: null, endDays: null, optionEndDays: null, noticeDays: null };

/** One reminder a contract's dates and settings call for. */
export interface ScheduledReminder {
  kind: ReminderKind;
  /** The date reminded of ("YYYY-MM-DD"): part of the sent reminder's unique key. */
  eventDate: string;
  /** The day to act by: the date itself, or for a notice deadline the working day on or before it. */
  actBy: string;
  /** The day the reminder is due: N days before `actBy`. */
  dueDate: string;
}

/** The notice deadline of a contract that ends on `end` with this notice period (dates.ts noticeDeadline). */
export function contractNoticeDeadline(end: string | null, notice: { amount: number; unit: NoticeUnit } | null) {
  if (!end || !notice) return null;
  return noticeDeadline(end, notice.unit === "months" ? { months: notice.amount } : { days: notice.amount }).toString();
}

/** The day to act by for a notice deadline on a weekend or holiday: the working day before it. */
export const noticeActBy = (deadline: string | null): string | null =>
  deadline ? workingDayOnOrBefore(deadline).toString() : null;

/**
 * Every reminder a contract calls for, due or not: N days before its start, its end, each option period's end
 * and its notice deadline (the working day on or before it), as its settings say.
 */
export function scheduleOf(
  contract: { startDate: string; endDate: string | null; noticeDeadline: string | null },
  optionPeriods: readonly { endDate: string }[],
  days: ReminderDays,
): ScheduledReminder[] {
  const out: ScheduledReminder[] = [];
  const add = (kind: ReminderKind, eventDate: string | null, daysBefore: number | null, actBy = eventDate) => {
    if (!eventDate || !actBy || daysBefore === null) return;
    out.push({ kind, eventDate, actBy, dueDate: reminderDate(actBy, daysBefore).toString() });
  };
  add("start", contract.startDate, days.startDays);
  add("end", contract.endDate, days.endDays);
  for (const option of optionPeriods) add("option_end", option.endDate, days.optionEndDays);
  add("notice_deadline", contract.noticeDeadline, days.noticeDays, noticeActBy(contract.noticeDeadline));
  return out.sort((a, b) => compareDates(a.dueDate, b.dueDate) || a.kind.localeCompare(b.kind));
}

/** Due on `today`: its day has come and the date reminded of has not passed (a missed day is made up, not lost). */
export const isDue = (reminder: ScheduledReminder, today: PlainDate | string): boolean =>
  compareDates(reminder.dueDate, plainDate(today)) <= 0 && compareDates(plainDate(today), reminder.eventDate) <= 0;
