import type { YearSchedule } from '../../../../functions/domain/calendar/schedule.ts';

export type { YearSchedule };

/** The working days of state offices as `GET /v1/calendar/{year}` lists their exceptions. */
export interface WorkingDays {
  /** Weekdays not worked: holidays and official days off. */
  readonly off: ReadonlySet<string>;
  /** Saturdays and Sundays worked. */
  readonly makeup: ReadonlySet<string>;
}

/** Indexes the schedules of one or more years. */
export function workingDaysOf(schedules: readonly YearSchedule[]): WorkingDays {
  const off = new Set<string>();
  const makeup = new Set<string>();
  for (const schedule of schedules)
    for (const day of schedule.days) (day.kind === 'makeup_workday' ? makeup : off).add(day.date);
  return { off, makeup };
}

const MS_PER_DAY = 86_400_000;

function toUtc(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * MS_PER_DAY);
}

/** Monday–Friday, minus holidays and days off, plus make-up working days. */
export function isWorkingDay(date: string, calendar: WorkingDays): boolean {
  if (calendar.makeup.has(date)) return true;
  const weekday = new Date(toUtc(date)).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.off.has(date);
}

/** Working days d with after < d ≤ upTo (0 when upTo ≤ after). */
export function workingDaysBetween(after: string, upTo: string, calendar: WorkingDays): number {
  let count = 0;
  for (let d = addDays(after, 1); d <= upTo; d = addDays(d, 1)) if (isWorkingDay(d, calendar)) count++;
  return count;
}

/**
 * Working days from `today` to the due day: 0 when due today, 1 when due the next working day,
 * negative when the due day has passed (−1: it was the previous working day).
 */
export function workingDaysLeft(today: string, dueDay: string, calendar: WorkingDays): number {
  return today <= dueDay
    ? workingDaysBetween(today, dueDay, calendar)
    : -workingDaysBetween(dueDay, today, calendar);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: string, calendar: WorkingDays): string {
  let next = addDays(date, 1);
  // A year has at most a couple of weeks off in a row; the bound only guards a broken schedule.
  for (let i = 0; i < 60 && !isWorkingDay(next, calendar); i++) next = addDays(next, 1);
  return next;
}

/** The calendar years a span of days touches, for fetching their schedules. */
export function yearsSpanned(a: string, b: string): number[] {
  const [from, to] = [Number(a.slice(0, 4)), Number(b.slice(0, 4))].sort((x, y) => x - y) as [number, number];
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}
