import { describe, expect, it } from 'vitest';
import { statutorySchedule } from '#domain/calendar/schedule';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { addDays as domainAddDays } from '#domain/time';
import {
  addDays,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  workingDaysLeft,
  workingDaysOf,
  yearsSpanned,
} from '../../../../web/src/features/dossier/working-days.ts';

const years = [2025, 2026, 2027];
const calendar = workingDaysOf(years.map(statutorySchedule));
const server = new WorkingCalendar();

describe('working days from the published calendar', () => {
  it('agrees with the server on every day of three years', () => {
    for (let d = '2025-01-01'; d <= '2027-12-31'; d = domainAddDays(d, 1)) {
      expect(isWorkingDay(d, calendar), d).toBe(server.isWorkingDay(d));
      expect(addDays(d, 1)).toBe(domainAddDays(d, 1));
    }
    expect(workingDaysBetween('2025-12-15', '2026-03-10', calendar)).toBe(
      server.workingDaysBetween('2025-12-15', '2026-03-10'),
    );
  });

  it('works a make-up Saturday and rests on an announced day off', () => {
    const announced = workingDaysOf([
      {
        year: 2026,
        source: 'announced',
        days: [
          { date: '2026-05-02', kind: 'makeup_workday', name: 'Làm bù' },
          { date: '2026-05-04', kind: 'day_off', name: 'Nghỉ bù' },
        ],
      },
    ]);
    expect(isWorkingDay('2026-05-02', announced)).toBe(true);
    expect(isWorkingDay('2026-05-04', announced)).toBe(false);
    expect(isWorkingDay('2026-05-03', announced)).toBe(false);
  });

  it('counts 0 on the due day, 1 when due the next working day, and skips Tết', () => {
    expect(workingDaysLeft('2026-03-05', '2026-03-05', calendar)).toBe(0);
    // Friday to Monday is one working day.
    expect(workingDaysLeft('2026-03-06', '2026-03-09', calendar)).toBe(1);
    // Tết 2026: 16–20 February are off, so Friday 13 to Monday 23 is one working day.
    expect(workingDaysLeft('2026-02-13', '2026-02-23', calendar)).toBe(1);
  });

  it('counts working days past a due day as negative', () => {
    expect(workingDaysLeft('2026-03-09', '2026-03-06', calendar)).toBe(-1);
    expect(workingDaysLeft('2026-03-11', '2026-03-06', calendar)).toBe(-3);
  });

  it('finds the next working day after a weekend and a holiday', () => {
    expect(nextWorkingDay('2026-03-06', calendar)).toBe('2026-03-09');
    expect(nextWorkingDay('2026-02-13', calendar)).toBe('2026-02-23');
  });

  it('names each year a span touches, whichever way round', () => {
    expect(yearsSpanned('2026-12-30', '2026-12-31')).toEqual([2026]);
    expect(yearsSpanned('2027-01-04', '2025-12-31')).toEqual([2025, 2026, 2027]);
  });
});
