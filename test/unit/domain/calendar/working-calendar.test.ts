import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDay } from '#domain/calendar/schedule';
import { WorkingCalendar } from '#domain/calendar/working-calendar';
import { addDays } from '#domain/time';

/** An announced 2025 schedule with two swapped bridge days, one around Tết and one around 30/4. */
const ANNOUNCED_2025: CalendarDay[] = [
  { date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
  { date: '2025-01-27', kind: 'day_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 8/2)' },
  { date: '2025-01-28', kind: 'holiday', name: 'Tết Âm lịch', lunar: '29/12' },
  { date: '2025-01-29', kind: 'holiday', name: 'Tết Âm lịch', lunar: '1/1' },
  { date: '2025-01-30', kind: 'holiday', name: 'Tết Âm lịch', lunar: '2/1' },
  { date: '2025-01-31', kind: 'holiday', name: 'Tết Âm lịch', lunar: '3/1' },
  { date: '2025-02-03', kind: 'day_off', name: 'Nghỉ bù Tết Âm lịch' },
  { date: '2025-02-08', kind: 'makeup_workday', name: 'Làm bù cho thứ Hai 27/1' },
  { date: '2025-04-07', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', lunar: '10/3' },
  { date: '2025-04-26', kind: 'makeup_workday', name: 'Làm bù cho thứ Sáu 2/5' },
  { date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
  { date: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
  { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi (làm bù thứ Bảy 26/4)' },
  { date: '2025-09-01', kind: 'holiday', name: 'Quốc khánh' },
  { date: '2025-09-02', kind: 'holiday', name: 'Quốc khánh' },
];

const statutory = new WorkingCalendar();
const announced = new WorkingCalendar(new Map([[2025, ANNOUNCED_2025]]));

describe('Class: WorkingCalendar', () => {
  describe('Method: isWorkingDay', () => {
    it.each([
      ['2026-02-13', true], // Friday before Tết
      ['2026-02-16', false], // Tết eve, Monday
      ['2026-02-20', false], // 4/1 lunar, Friday
      ['2026-02-21', false], // Saturday
      ['2026-02-22', false], // Sunday
      ['2026-02-23', true], // first Monday after Tết
      ['2026-04-26', false], // Giỗ Tổ on a Sunday
      ['2026-04-27', false], // its compensation day
      ['2026-04-28', true],
    ])('with the statutory 2026 default, %s is a working day: %s', (date, working) => {
      expect(statutory.isWorkingDay(date)).toBe(working);
    });

    it('makes a make-up Saturday a working day and a swapped bridge day a day off', () => {
      expect(announced.isWorkingDay('2025-04-26')).toBe(true);
      expect(announced.isWorkingDay('2025-05-02')).toBe(false);
      expect(announced.isWorkingDay('2025-02-08')).toBe(true);
      expect(announced.isWorkingDay('2025-01-27')).toBe(false);
      expect(statutory.isWorkingDay('2025-04-26')).toBe(false);
      expect(statutory.isWorkingDay('2025-05-02')).toBe(true);
    });

    it('replaces the statutory default entirely for an announced year and leaves other years alone', () => {
      const onlyBridge = new WorkingCalendar(
        new Map([[2025, [{ date: '2025-05-02', kind: 'day_off' as const, name: 'Nghỉ hoán đổi' }]]]),
      );
      expect(onlyBridge.isWorkingDay('2025-01-01')).toBe(true);
      expect(onlyBridge.isWorkingDay('2025-05-02')).toBe(false);
      expect(onlyBridge.isWorkingDay('2026-01-01')).toBe(false);
    });

    it('ignores changes made later to the map it was built from', () => {
      const source = new Map<number, CalendarDay[]>();
      const calendar = new WorkingCalendar(source);
      source.set(2026, []);
      expect(calendar.isWorkingDay('2026-01-01')).toBe(false);
    });

    it('throws RangeError outside 1900–2100 and for malformed dates', () => {
      expect(() => statutory.isWorkingDay('1899-12-29')).toThrow(RangeError);
      expect(() => statutory.isWorkingDay('2101-01-03')).toThrow(RangeError);
      expect(() => statutory.isWorkingDay('2026-02-30')).toThrow(RangeError);
      expect(() => statutory.isWorkingDay('2026-2-3')).toThrow(RangeError);
    });
  });

  describe('Method: schedule', () => {
    it('returns the statutory default for a year without an announcement', () => {
      expect(announced.schedule(2026).source).toBe('statutory');
      expect(announced.schedule(2026).days).toHaveLength(11);
    });

    it('returns the announced days, sorted by date, for an announced year', () => {
      const reversed = new WorkingCalendar(new Map([[2025, [...ANNOUNCED_2025].reverse()]]));
      expect(reversed.schedule(2025)).toEqual({ year: 2025, source: 'announced', days: ANNOUNCED_2025 });
    });

    it('throws RangeError outside 1900–2100', () => {
      expect(() => statutory.schedule(1899)).toThrow(RangeError);
      expect(() => statutory.schedule(2101)).toThrow(RangeError);
    });
  });

  describe('Method: nextWorkingDay', () => {
    it('returns the next day when it is worked, never the day itself', () => {
      expect(statutory.nextWorkingDay('2026-03-10')).toBe('2026-03-11');
    });

    it('skips a weekend and the whole Tết block', () => {
      expect(statutory.nextWorkingDay('2026-02-13')).toBe('2026-02-23');
    });

    it('stops on a make-up Saturday and skips an announced bridge day', () => {
      expect(announced.nextWorkingDay('2025-04-25')).toBe('2025-04-26');
      expect(announced.nextWorkingDay('2025-04-29')).toBe('2025-05-05');
      expect(statutory.nextWorkingDay('2025-04-29')).toBe('2025-05-02');
    });

    it('crosses into the next year, skipping its 1/1', () => {
      // 31/12/2026 is a Thursday and 1/1/2027 a Friday.
      expect(statutory.nextWorkingDay('2026-12-31')).toBe('2027-01-04');
    });

    it('throws RangeError past 2100', () => {
      expect(() => statutory.nextWorkingDay('2100-12-31')).toThrow(RangeError);
    });
  });

  describe('Method: addWorkingDays', () => {
    it('returns the date itself for n = 0, even on a weekend', () => {
      expect(statutory.addWorkingDays('2026-03-14', 0)).toBe('2026-03-14');
    });

    it('counts only working days', () => {
      expect(statutory.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
      expect(statutory.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
      expect(statutory.addWorkingDays('2026-04-24', 2)).toBe('2026-04-29');
    });

    it('rejects a negative or fractional count', () => {
      expect(() => statutory.addWorkingDays('2026-03-10', -1)).toThrow(RangeError);
      expect(() => statutory.addWorkingDays('2026-03-10', 1.5)).toThrow(RangeError);
    });
  });

  describe('Method: workingDaysBetween', () => {
    it('counts working days after the first date up to and including the second', () => {
      expect(statutory.workingDaysBetween('2026-03-06', '2026-03-13')).toBe(5);
      expect(statutory.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
      expect(announced.workingDaysBetween('2025-04-25', '2025-05-05')).toBe(4);
    });

    it('is 0 for the same day and when the second date is earlier', () => {
      expect(statutory.workingDaysBetween('2026-03-10', '2026-03-10')).toBe(0);
      expect(statutory.workingDaysBetween('2026-03-10', '2026-03-02')).toBe(0);
    });

    it('adds up over consecutive intervals and undoes addWorkingDays', () => {
      const date = fc.integer({ min: 0, max: 3650 }).map((i) => addDays('2020-01-01', i));
      fc.assert(
        fc.property(date, date, date, fc.integer({ min: 0, max: 60 }), (a, b, c, n) => {
          const [x, y, z] = [a, b, c].sort();
          if (x === undefined || y === undefined || z === undefined) return;
          expect(announced.workingDaysBetween(x, z)).toBe(
            announced.workingDaysBetween(x, y) + announced.workingDaysBetween(y, z),
          );
          expect(announced.workingDaysBetween(a, announced.addWorkingDays(a, n))).toBe(n);
        }),
        { numRuns: 300 },
      );
    });
  });
});
