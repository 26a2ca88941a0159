import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lunarNewYear, lunarToSolar, solarToLunar } from '#domain/calendar/lunar';
import { addDays } from '#domain/time';

// Golden values from published Vietnamese calendars; the close calls were re-checked against the
// full Meeus new-moon series (Astronomical Algorithms ch. 49) converted to UTC+7.
const TET: Record<number, string> = {
  2020: '2020-01-25',
  2021: '2021-02-12',
  2022: '2022-02-01',
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  // The new moon is at 16:07 UTC on 2 Feb 2030: 23:07 in Vietnam but 00:07 on 3 Feb in China,
  // so the Vietnamese Tết is 2 Feb and 3 Feb is the Chinese New Year.
  2030: '2030-02-02',
};

const GIO_TO: Record<number, string> = {
  2020: '2020-04-02',
  2021: '2021-04-21',
  2022: '2022-04-10',
  2023: '2023-04-29',
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
  2027: '2027-04-16',
  2028: '2028-04-04',
  2029: '2029-04-23',
  2030: '2030-04-12',
};

const FIRST_DAY = Date.UTC(1900, 0, 1);
const LAST_DAY = Date.UTC(2100, 11, 31);
const DAY_MS = 86_400_000;
const supportedDate = fc
  .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS })
  .map((offset) => addDays('1900-01-01', offset));

describe('Function: lunarNewYear', () => {
  it.each(Object.entries(TET))('puts Tết %s on %s', (year, date) => {
    expect(lunarNewYear(Number(year))).toBe(date);
  });

  it('uses Vietnamese time (UTC+7), not Chinese time: Tết 1985 was 21 January, not 20 February', () => {
    expect(lunarNewYear(1985)).toBe('1985-01-21');
    expect(solarToLunar('1985-02-20')).toEqual({ day: 1, month: 2, year: 1985, leap: false });
  });

  it('puts Tết 2007 on 17 February (the Chinese New Year was 18 February)', () => {
    expect(lunarNewYear(2007)).toBe('2007-02-17');
  });

  it('covers the first and last supported years', () => {
    expect(lunarNewYear(1900)).toBe('1900-01-31');
    expect(lunarNewYear(2100)).toBe('2100-02-09');
  });

  it('throws RangeError outside 1900–2100', () => {
    expect(() => lunarNewYear(1899)).toThrow(RangeError);
    expect(() => lunarNewYear(2101)).toThrow(RangeError);
    expect(() => lunarNewYear(2025.5)).toThrow(RangeError);
  });
});

describe('Function: lunarToSolar', () => {
  it.each(Object.entries(GIO_TO))('puts Giỗ Tổ (10/3 lunar) of %s on %s', (year, date) => {
    expect(lunarToSolar({ day: 10, month: 3, year: Number(year) })).toBe(date);
  });

  it('finds the leap 2nd month of 2023 after the regular one', () => {
    expect(lunarToSolar({ day: 1, month: 2, year: 2023 })).toBe('2023-02-20');
    expect(lunarToSolar({ day: 1, month: 2, year: 2023, leap: true })).toBe('2023-03-22');
    expect(lunarToSolar({ day: 1, month: 3, year: 2023 })).toBe('2023-04-20');
  });

  it('finds the leap 6th month of 2025', () => {
    expect(lunarToSolar({ day: 1, month: 6, year: 2025, leap: true })).toBe('2025-07-25');
    expect(lunarToSolar({ day: 1, month: 7, year: 2025 })).toBe('2025-08-23');
  });

  it('returns undefined for a leap month the year does not have', () => {
    expect(lunarToSolar({ day: 1, month: 2, year: 2024, leap: true })).toBeUndefined();
    expect(lunarToSolar({ day: 1, month: 3, year: 2023, leap: true })).toBeUndefined();
  });

  it('returns undefined for day 30 of a 29-day month and accepts it in a 30-day month', () => {
    // Tết 2026 is 17/2, and 16/2/2026 is 29 tháng Chạp: that month has 29 days.
    expect(lunarToSolar({ day: 30, month: 12, year: 2025 })).toBeUndefined();
    expect(lunarToSolar({ day: 30, month: 12, year: 2023 })).toBe('2024-02-09');
  });

  it('returns undefined for days and months out of range', () => {
    expect(lunarToSolar({ day: 0, month: 1, year: 2025 })).toBeUndefined();
    expect(lunarToSolar({ day: 31, month: 1, year: 2025 })).toBeUndefined();
    expect(lunarToSolar({ day: 1, month: 13, year: 2025 })).toBeUndefined();
    expect(lunarToSolar({ day: 1.5, month: 1, year: 2025 })).toBeUndefined();
  });

  it('accepts the end of lunar year 1899, which lies in January 1900', () => {
    expect(lunarToSolar({ day: 1, month: 12, year: 1899 })).toBe('1900-01-01');
    expect(lunarToSolar({ day: 30, month: 12, year: 1899 })).toBe('1900-01-30');
  });

  it('throws RangeError when the Gregorian date would fall outside 1900–2100', () => {
    expect(lunarToSolar({ day: 1, month: 12, year: 2100 })).toBe('2100-12-31');
    expect(() => lunarToSolar({ day: 2, month: 12, year: 2100 })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 11, year: 1899 })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 1898 })).toThrow(RangeError);
    expect(() => lunarToSolar({ day: 1, month: 1, year: 2101 })).toThrow(RangeError);
  });
});

describe('Function: solarToLunar', () => {
  it.each([
    ['2024-02-09', { day: 30, month: 12, year: 2023, leap: false }],
    ['2024-02-10', { day: 1, month: 1, year: 2024, leap: false }],
    ['2026-02-16', { day: 29, month: 12, year: 2025, leap: false }],
    ['2023-03-22', { day: 1, month: 2, year: 2023, leap: true }],
    ['2023-04-19', { day: 29, month: 2, year: 2023, leap: true }],
    ['2025-07-25', { day: 1, month: 6, year: 2025, leap: true }],
    ['2025-09-02', { day: 11, month: 7, year: 2025, leap: false }],
  ])('converts %s', (date, lunar) => {
    expect(solarToLunar(date)).toEqual(lunar);
  });

  it('converts the first and last supported days', () => {
    expect(solarToLunar('1900-01-01')).toEqual({ day: 1, month: 12, year: 1899, leap: false });
    expect(solarToLunar('2100-12-31')).toEqual({ day: 1, month: 12, year: 2100, leap: false });
  });

  it('starts a month on the day of a new moon falling just before midnight in Vietnam', () => {
    // New moon 2054-05-07 17:00 UTC is within a minute of midnight UTC+7; the simplified
    // algorithm puts it just after, so 7 May is day 30 and never "day 0".
    expect(solarToLunar('2054-05-07')).toEqual({ day: 30, month: 3, year: 2054, leap: false });
    expect(solarToLunar('2062-04-09')).toEqual({ day: 30, month: 2, year: 2062, leap: false });
  });

  it('throws RangeError outside 1900–2100 and for malformed dates', () => {
    expect(() => solarToLunar('1899-12-31')).toThrow(RangeError);
    expect(() => solarToLunar('2101-01-01')).toThrow(RangeError);
    expect(() => solarToLunar('2025-02-30')).toThrow(RangeError);
    expect(() => solarToLunar('20250101')).toThrow(RangeError);
  });

  it('round-trips through lunarToSolar for random dates 1900–2100', () => {
    fc.assert(
      fc.property(supportedDate, (date) => {
        expect(lunarToSolar(solarToLunar(date))).toBe(date);
      }),
      { numRuns: 2000 },
    );
  });

  it('walks every day 1900–2100 one lunar day at a time, with 29- or 30-day months and 12 or 13 months a year', () => {
    const problems: string[] = [];
    const check = (ok: boolean, what: string) => {
      if (!ok) problems.push(what);
    };
    let previous = solarToLunar('1900-01-01');
    let monthsInYear = 1;
    let leapInYear = false;
    for (let date = '1900-01-02'; date <= '2100-12-31'; date = addDays(date, 1)) {
      const current = solarToLunar(date);
      const same = current.month === previous.month && current.year === previous.year;
      if (current.day !== 1) {
        check(
          current.day === previous.day + 1 && same && current.leap === previous.leap,
          `${date}: next day`,
        );
      } else {
        check(previous.day === 29 || previous.day === 30, `${date}: month length ${previous.day}`);
        if (current.leap) {
          check(same && !previous.leap, `${date}: leap month follows its regular month`);
          leapInYear = true;
        } else {
          check(current.month === (previous.month % 12) + 1, `${date}: next month`);
        }
        if (current.month === 1 && !current.leap) {
          check(current.year === previous.year + 1, `${date}: next year`);
          if (previous.year >= 1900)
            check(monthsInYear === (leapInYear ? 13 : 12), `${previous.year}: months`);
          monthsInYear = 0;
          leapInYear = false;
        }
        monthsInYear++;
      }
      check(lunarToSolar(current) === date, `${date}: round trip`);
      previous = current;
    }
    expect(problems).toEqual([]);
  });
});
