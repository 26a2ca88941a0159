import type { CalendarDay, CalendarDayKind } from '../../../../functions/domain/calendar/schedule.ts';

export type { CalendarDay, CalendarDayKind };

/** How a day of the year view is shown: a plain weekday, a weekend, or one of the schedule's exceptions. */
export type DayMark = 'workday' | 'weekend' | CalendarDayKind;

/** `YYYY-MM-DD` of a day (month 1–12). */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday, for the proleptic Gregorian calendar (no time zone involved). */
export function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The weeks of a month as Vietnamese calendars print them, Monday first: each week has seven
 * slots, `null` before the 1st and after the last day.
 */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const blanks = (weekdayOf(year, month, 1) + 6) % 7; // Monday → 0 … Sunday → 6
  const slots: (number | null)[] = [...Array<null>(blanks).fill(null)];
  const last = daysInMonth(year, month);
  for (let d = 1; d <= last; d++) slots.push(d);
  while (slots.length % 7 !== 0) slots.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < slots.length; i += 7) weeks.push(slots.slice(i, i + 7));
  return weeks;
}

/** The schedule's days by date. */
export function scheduleIndex(days: readonly CalendarDay[]): ReadonlyMap<string, CalendarDay> {
  return new Map(days.map((d) => [d.date, d]));
}

/** How a day counts: an exception of the schedule wins over the Monday–Friday week. */
export function dayMark(
  year: number,
  month: number,
  day: number,
  index: ReadonlyMap<string, CalendarDay>,
): DayMark {
  const exception = index.get(isoDate(year, month, day));
  if (exception) return exception.kind;
  const weekday = weekdayOf(year, month, day);
  return weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
}

export interface YearSummary {
  readonly workdays: number;
  readonly holidays: number;
  readonly daysOff: number;
  readonly makeupWorkdays: number;
}

/** Working days and exceptions of a year, for the line above the year view. */
export function yearSummary(year: number, index: ReadonlyMap<string, CalendarDay>): YearSummary {
  const counts = { workdays: 0, holidays: 0, daysOff: 0, makeupWorkdays: 0 };
  for (let month = 1; month <= 12; month++) {
    const last = daysInMonth(year, month);
    for (let day = 1; day <= last; day++) {
      const mark = dayMark(year, month, day, index);
      if (mark === 'workday' || mark === 'makeup_workday') counts.workdays++;
      if (mark === 'holiday') counts.holidays++;
      if (mark === 'day_off') counts.daysOff++;
      if (mark === 'makeup_workday') counts.makeupWorkdays++;
    }
  }
  return counts;
}
