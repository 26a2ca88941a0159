import * as z from 'zod';
import { isLocalDate, type LocalDate } from '#domain/time';
import { compensationDays, isWeeklyRestDay, statutoryHolidays } from './holidays.ts';
import { MAX_YEAR, MIN_YEAR } from './lunar.ts';

/**
 * A year's exceptions to the Monday–Friday working week, stored per day as existing Vietnamese
 * systems do: a public holiday, another official day off (compensation or swapped bridge day),
 * or a make-up working day (a Saturday or Sunday worked to pay for a bridge day).
 */
export const CalendarDayKind = z.enum(['holiday', 'day_off', 'makeup_workday']);
export type CalendarDayKind = z.infer<typeof CalendarDayKind>;

const LUNAR_DAY_MONTH = /^([1-9]|[12]\d|30)\/([1-9]|1[0-2])$/;

export const CalendarDay = z.object({
  date: z.string().refine(isLocalDate, 'must be a real date written YYYY-MM-DD'),
  kind: CalendarDayKind,
  name: z.string().trim().min(1).max(200),
  /** Lunar `day/month` of a lunar-dated holiday, e.g. '1/1', '10/3', '30/12'. */
  lunar: z.string().regex(LUNAR_DAY_MONTH, 'must be a lunar day/month such as 1/1 or 30/12').optional(),
});
export type CalendarDay = z.infer<typeof CalendarDay>;

/** Where a year's schedule comes from: generated from the Labour Code, or loaded as announced by the government. */
export const ScheduleSource = z.enum(['statutory', 'announced']);
export type ScheduleSource = z.infer<typeof ScheduleSource>;

export const YearSchedule = z.object({
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR),
  source: ScheduleSource,
  days: z.array(CalendarDay),
});
export type YearSchedule = z.infer<typeof YearSchedule>;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`year must be within ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
  }
}

const byDate = (a: { date: LocalDate }, b: { date: LocalDate }): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0;

/**
 * The default schedule of a year from Labour Code 2019 arts. 111–112: every weekday that is a
 * holiday ('holiday') or a compensation day ('day_off'), sorted by date. Holidays on a weekend are
 * not listed (the weekend is off anyway) but their compensation day is.
 */
export function statutorySchedule(year: number): YearSchedule {
  assertYear(year);
  const holidays = statutoryHolidays(year);
  const days: CalendarDay[] = [];
  const listed = new Set<LocalDate>();
  for (const h of holidays) {
    if (isWeeklyRestDay(h.date) || listed.has(h.date)) continue;
    listed.add(h.date);
    days.push({ date: h.date, kind: 'holiday', name: h.name, ...(h.lunar ? { lunar: h.lunar } : {}) });
  }
  for (const c of compensationDays(holidays)) days.push({ date: c.date, kind: 'day_off', name: c.name });
  return { year, source: 'statutory', days: days.sort(byDate) };
}

/**
 * Schema of the body of an announced schedule for `year`: besides each day's shape, every date
 * lies in `year`, appears once, holidays and days off fall on Monday–Friday (a weekend is off
 * anyway) and make-up working days on Saturday or Sunday (a weekday is worked anyway).
 */
export function announcedDaysSchema(year: number) {
  assertYear(year);
  return z.object({ days: z.array(CalendarDay).max(366) }).superRefine((body, ctx) => {
    const firstIndex = new Map<LocalDate, number>();
    body.days.forEach((day, i) => {
      // Refinements still run when an element failed its own checks: judge only what is well-formed.
      if (typeof day.date !== 'string' || !isLocalDate(day.date)) return;
      const path = ['days', i, 'date'];
      const issue = (message: string) => ctx.addIssue({ code: 'custom', path, message });
      if (Number(day.date.slice(0, 4)) !== year) issue(`${day.date} is not in ${year}`);
      const first = firstIndex.get(day.date);
      if (first === undefined) firstIndex.set(day.date, i);
      else issue(`${day.date} is listed twice (also at days[${first}])`);
      const weekend = isWeeklyRestDay(day.date);
      if (day.kind === 'makeup_workday' && !weekend) {
        issue(`${day.date} is a weekday: a make-up working day must be a Saturday or Sunday`);
      }
      if ((day.kind === 'holiday' || day.kind === 'day_off') && weekend) {
        const what = day.kind === 'holiday' ? 'a holiday' : 'a day off';
        issue(`${day.date} is a Saturday or Sunday: ${what} must be a weekday (Monday–Friday)`);
      }
    });
  });
}
export type AnnouncedDays = z.infer<ReturnType<typeof announcedDaysSchema>>;
