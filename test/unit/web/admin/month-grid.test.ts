import { describe, expect, it } from 'vitest';
import {
  type CalendarDay,
  dayMark,
  daysInMonth,
  isoDate,
  monthWeeks,
  scheduleIndex,
  yearSummary,
} from '../../../../web/src/features/admin/month-grid.ts';

describe('month grid: weeks Monday first', () => {
  it('starts February 2026 on a Sunday in the last column', () => {
    const weeks = monthWeeks(2026, 2);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(weeks.at(-1)).toEqual([23, 24, 25, 26, 27, 28, null]);
    expect(weeks).toHaveLength(5);
  });

  it('fills a month that starts on Monday from the first column', () => {
    // 1 June 2026 is a Monday.
    expect(monthWeeks(2026, 6)[0]).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('has every day of the month once, in weeks of seven', () => {
    for (const [year, month] of [
      [2028, 2],
      [2031, 12],
      [2100, 2],
    ] as const) {
      const weeks = monthWeeks(year, month);
      expect(weeks.every((w) => w.length === 7)).toBe(true);
      const days = weeks.flat().filter((d) => d !== null);
      expect(days).toEqual(Array.from({ length: daysInMonth(year, month) }, (_, i) => i + 1));
    }
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe('month grid: how each day counts', () => {
  const days: CalendarDay[] = [
    { date: '2027-02-05', kind: 'holiday', name: 'Tết Âm lịch', lunar: '29/12' },
    { date: '2027-02-09', kind: 'day_off', name: 'Nghỉ bù Tết Âm lịch' },
    { date: '2027-01-30', kind: 'makeup_workday', name: 'Làm bù' },
  ];
  const index = scheduleIndex(days);

  it('marks weekends, the schedule’s exceptions, and plain weekdays', () => {
    expect(dayMark(2027, 2, 5, index)).toBe('holiday');
    expect(dayMark(2027, 2, 9, index)).toBe('day_off');
    expect(dayMark(2027, 1, 30, index)).toBe('makeup_workday');
    expect(dayMark(2027, 1, 31, index)).toBe('weekend');
    expect(dayMark(2027, 2, 4, index)).toBe('workday');
    expect(isoDate(2027, 2, 5)).toBe('2027-02-05');
  });

  it('counts a make-up Saturday as a working day and days off as not', () => {
    const plain = yearSummary(2027, scheduleIndex([]));
    const withDays = yearSummary(2027, index);
    expect(plain.workdays).toBe(261);
    expect(withDays).toEqual({ workdays: 261 - 2 + 1, holidays: 1, daysOff: 1, makeupWorkdays: 1 });
  });
});
