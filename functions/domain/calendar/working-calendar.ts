import { addDays, isLocalDate, type LocalDate } from '#domain/time';
import { isWeeklyRestDay } from './holidays.ts';
import { MAX_YEAR, MIN_YEAR } from './lunar.ts';
import { type CalendarDay, statutorySchedule, type YearSchedule } from './schedule.ts';

interface YearDays {
  /** Weekdays not worked: holidays and days off. */
  off: ReadonlySet<LocalDate>;
  /** Saturdays and Sundays worked. */
  makeup: ReadonlySet<LocalDate>;
}

function yearOf(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`not a date: ${date}`);
  const year = Number(date.slice(0, 4));
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`date outside the supported years ${MIN_YEAR}–${MAX_YEAR}: ${date}`);
  }
  return year;
}

/**
 * Working days of state offices (one-stop-rules §5): Monday–Friday, minus public holidays and
 * official days off, plus official make-up working days. A year with an announced schedule uses
 * it instead of the statutory default in full, since the announcement already contains the
 * statutory holidays together with the swaps decided by the Prime Minister.
 */
export class WorkingCalendar {
  private readonly announced: ReadonlyMap<number, readonly CalendarDay[]>;
  private readonly years = new Map<number, YearDays>();

  constructor(announced: ReadonlyMap<number, readonly CalendarDay[]> = new Map()) {
    this.announced = new Map(announced);
  }

  /** The schedule in force for `year`: the announced one when loaded, else the statutory default. */
  schedule(year: number): YearSchedule {
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw new RangeError(`year must be within ${MIN_YEAR}–${MAX_YEAR}: ${year}`);
    }
    const days = this.announced.get(year);
    if (days === undefined) return statutorySchedule(year);
    return {
      year,
      source: 'announced',
      days: [...days].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    };
  }

  isWorkingDay(date: LocalDate): boolean {
    const days = this.daysOf(yearOf(date));
    if (days.makeup.has(date)) return true;
    return !isWeeklyRestDay(date) && !days.off.has(date);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    yearOf(date);
    let next = addDays(date, 1);
    while (!this.isWorkingDay(next)) next = addDays(next, 1);
    return next;
  }

  /** The n-th working day after `date` (n ≥ 0); `date` itself when n = 0, whether or not it is worked. */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    yearOf(date);
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
    let result = date;
    for (let i = 0; i < n; i++) result = this.nextWorkingDay(result);
    return result;
  }

  /** Number of working days d with after < d ≤ upTo (0 when upTo ≤ after). */
  workingDaysBetween(after: LocalDate, upTo: LocalDate): number {
    yearOf(after);
    yearOf(upTo);
    let count = 0;
    for (let d = addDays(after, 1); d <= upTo; d = addDays(d, 1)) if (this.isWorkingDay(d)) count++;
    return count;
  }

  private daysOf(year: number): YearDays {
    let days = this.years.get(year);
    if (days === undefined) {
      const schedule = this.schedule(year).days;
      days = {
        off: new Set(schedule.filter((d) => d.kind !== 'makeup_workday').map((d) => d.date)),
        makeup: new Set(schedule.filter((d) => d.kind === 'makeup_workday').map((d) => d.date)),
      };
      this.years.set(year, days);
    }
    return days;
  }
}
