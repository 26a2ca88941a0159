import { addDays, type LocalDate, localDate, weekday } from '#domain/time';
import { lunarNewYear, lunarToSolar, solarToLunar } from './lunar.ts';

/** Names of the public holidays of Labour Code 2019 art. 112(1). */
export const HOLIDAY_NAMES = {
  newYear: 'Tết Dương lịch',
  lunarNewYear: 'Tết Âm lịch',
  hungKings: 'Giỗ Tổ Hùng Vương',
  victory: 'Ngày Chiến thắng',
  labour: 'Ngày Quốc tế Lao động',
  national: 'Quốc khánh',
} as const;

/** Prefix of the name of a day off compensating a holiday (art. 111(3)). */
export const COMPENSATION_PREFIX = 'Nghỉ bù';

/** One day of a public holiday. `lunar` is the lunar `day/month` of lunar-dated holidays. */
export interface Holiday {
  date: LocalDate;
  name: string;
  lunar?: string;
}

/** A working day given off because a holiday fell on a weekly rest day. */
export interface CompensationDay {
  date: LocalDate;
  name: string;
  /** The holiday it compensates. */
  compensates: LocalDate;
}

/** Saturday and Sunday, the weekly rest days of state offices. */
export function isWeeklyRestDay(date: LocalDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

function lunarLabel(date: LocalDate): string {
  const l = solarToLunar(date);
  return `${l.day}/${l.month}`;
}

/**
 * The statutory holidays of a Gregorian year (1900–2100) per Labour Code 2019 art. 112(1),
 * sorted by date and including those on weekends. Where the law leaves the exact days to the
 * Prime Minister, the project defaults apply: Tết is the last day of the old lunar year plus
 * 1/1–4/1, and the second day of Quốc khánh is the one that makes a bridge with the weekend
 * (Monday 1/9 when 2/9 is a Tuesday, Friday 3/9 when 2/9 is a Thursday), otherwise 3/9.
 */
export function statutoryHolidays(year: number): Holiday[] {
  const tet = lunarNewYear(year);
  const gioTo = lunarToSolar({ day: 10, month: 3, year });
  if (gioTo === undefined) throw new Error(`no 10/3 lunar in ${year}`);
  const nationalDay = localDate(year, 9, 2);
  const nationalWeekday = weekday(nationalDay);
  const nationalSecond = nationalWeekday === 2 ? localDate(year, 9, 1) : localDate(year, 9, 3);

  const holidays: Holiday[] = [{ date: localDate(year, 1, 1), name: HOLIDAY_NAMES.newYear }];
  // Tết falls between 21/1 and 20/2, so its eve and 4/1 stay within the same Gregorian year.
  for (let i = -1; i <= 3; i++) {
    const date = addDays(tet, i);
    holidays.push({ date, name: HOLIDAY_NAMES.lunarNewYear, lunar: lunarLabel(date) });
  }
  holidays.push(
    { date: gioTo, name: HOLIDAY_NAMES.hungKings, lunar: '10/3' },
    { date: localDate(year, 4, 30), name: HOLIDAY_NAMES.victory },
    { date: localDate(year, 5, 1), name: HOLIDAY_NAMES.labour },
    { date: nationalDay, name: HOLIDAY_NAMES.national },
    { date: nationalSecond, name: HOLIDAY_NAMES.national },
  );
  // Stable sort: when two holidays share a date (10/3 lunar was 30/4 in 1947) the lunar one comes first.
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The compensation days of art. 111(3) for a year's holidays: each holiday on a Saturday or
 * Sunday is compensated on the next weekday that is neither a holiday nor already a compensation
 * day (30/4 Sat + 1/5 Sun → Mon 2/5 and Tue 3/5). A holiday sharing its date with an earlier one
 * is compensated the same way, so no statutory day off is lost (project rule).
 */
export function compensationDays(holidays: readonly Holiday[]): CompensationDay[] {
  const ordered = [...holidays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const holidayDates = new Set(ordered.map((h) => h.date));
  const taken = new Set<LocalDate>();
  const seen = new Set<LocalDate>();
  const result: CompensationDay[] = [];
  for (const h of ordered) {
    const duplicate = seen.has(h.date);
    seen.add(h.date);
    if (!duplicate && !isWeeklyRestDay(h.date)) continue;
    let date = addDays(h.date, 1);
    while (isWeeklyRestDay(date) || holidayDates.has(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    result.push({ date, name: `${COMPENSATION_PREFIX} ${h.name}`, compensates: h.date });
  }
  return result;
}
