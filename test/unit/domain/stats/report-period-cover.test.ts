import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodsOf } from '#adapters/stats-keys';
import {
  coverPeriods,
  daysInMonth,
  nextPeriod,
  type PeriodRange,
  rangeHolds,
  readRanges,
} from '#domain/stats/period-cover';
import { addDays } from '#domain/time';

/** Every local day from `from` to `to`, both inclusive. */
function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** How many ranges hold a day, through its D, M or Y period. */
function holders(ranges: readonly PeriodRange[], day: string): number {
  const p = periodsOf(day);
  return ranges.filter((r) => rangeHolds(r, 'D', p.D) || rangeHolds(r, 'M', p.M) || rangeHolds(r, 'Y', p.Y))
    .length;
}

/** The periods of a finite range, one by one. */
function periods(range: PeriodRange): string[] {
  const out: string[] = [];
  for (let p = range.first; p <= range.last; p = nextPeriod(range.grain, p)) out.push(`${range.grain}#${p}`);
  return out;
}

describe('Function: coverPeriods', () => {
  it('covers a single day with that day, and everything before it with years, months and days', () => {
    expect(coverPeriods('2026-03-15', '2026-03-15')).toEqual({
      before: [
        { grain: 'Y', first: '0000', last: '2025' },
        { grain: 'M', first: '2026-01', last: '2026-02' },
        { grain: 'D', first: '2026-03-01', last: '2026-03-14' },
      ],
      inPeriod: [{ grain: 'D', first: '2026-03-15', last: '2026-03-15' }],
    });
  });

  it('uses a whole year when the period is a calendar year, and nothing of the year before it', () => {
    expect(coverPeriods('2025-01-01', '2025-12-31')).toEqual({
      before: [{ grain: 'Y', first: '0000', last: '2024' }],
      inPeriod: [{ grain: 'Y', first: '2025', last: '2025' }],
    });
  });

  it('takes days, then whole months, then a whole year, then months and days across boundaries', () => {
    const { inPeriod } = coverPeriods('2024-11-20', '2026-02-10');
    expect(inPeriod).toEqual([
      { grain: 'D', first: '2024-11-20', last: '2024-11-30' },
      { grain: 'M', first: '2024-12', last: '2024-12' },
      { grain: 'Y', first: '2025', last: '2025' },
      { grain: 'M', first: '2026-01', last: '2026-01' },
      { grain: 'D', first: '2026-02-01', last: '2026-02-10' },
    ]);
  });

  it('joins months across a year end into one run when no whole year lies between', () => {
    expect(coverPeriods('2025-03-01', '2026-02-28').inPeriod).toEqual([
      { grain: 'M', first: '2025-03', last: '2026-02' },
    ]);
  });

  it('takes February whole in leap and common years, and not a day short of it', () => {
    expect(coverPeriods('2024-02-01', '2024-02-29').inPeriod).toEqual([
      { grain: 'M', first: '2024-02', last: '2024-02' },
    ]);
    expect(coverPeriods('2024-02-01', '2024-02-28').inPeriod).toEqual([
      { grain: 'D', first: '2024-02-01', last: '2024-02-28' },
    ]);
    expect(coverPeriods('2025-02-01', '2025-02-28').inPeriod).toEqual([
      { grain: 'M', first: '2025-02', last: '2025-02' },
    ]);
    expect(coverPeriods('2024-02-29', '2024-03-01').inPeriod).toEqual([
      { grain: 'D', first: '2024-02-29', last: '2024-03-01' },
    ]);
    expect(coverPeriods('2024-03-01', '2024-03-01').before.at(-1)).toEqual({
      grain: 'M',
      first: '2024-01',
      last: '2024-02',
    });
  });

  it('knows the Gregorian leap years', () => {
    expect([2024, 2025, 2000, 1900, 2100].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 29, 28, 28]);
  });

  it('refuses a period that ends before it starts, or a date that does not exist', () => {
    expect(() => coverPeriods('2026-03-02', '2026-03-01')).toThrow(RangeError);
    expect(() => coverPeriods('2026-02-30', '2026-03-01')).toThrow(RangeError);
  });

  const day = fc
    .date({
      min: new Date('2022-01-01T00:00:00Z'),
      max: new Date('2029-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

  it('puts every day of the period in exactly one in-period range and none of the before ranges', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const cover = coverPeriods(from, to);
        for (const d of days(addDays(from, -40), addDays(to, 40))) {
          const inside = from <= d && d <= to;
          expect(holders(cover.inPeriod, d), d).toBe(inside ? 1 : 0);
          expect(holders(cover.before, d), d).toBe(d < from ? 1 : 0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('needs at most years + 22 months + 61 days for any period, and reads at most 7 ranges (2 of years, 3 of months, 2 of days)', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const cover = coverPeriods(from, to);
        const count = (grain: string) =>
          cover.inPeriod.filter((r) => r.grain === grain).flatMap(periods).length;
        expect(count('M')).toBeLessThanOrEqual(22);
        expect(count('D')).toBeLessThanOrEqual(60);
        expect(count('Y')).toBeLessThanOrEqual(Number(to.slice(0, 4)) - Number(from.slice(0, 4)) + 1);
        expect(readRanges(cover).length).toBeLessThanOrEqual(7);
      }),
      { numRuns: 200 },
    );
  });
});

describe('Function: readRanges', () => {
  it('merges the days of the month before from with the days after it, and the years likewise', () => {
    expect(readRanges(coverPeriods('2026-03-15', '2026-03-20'))).toEqual([
      { grain: 'Y', first: '0000', last: '2025' },
      { grain: 'M', first: '2026-01', last: '2026-02' },
      { grain: 'D', first: '2026-03-01', last: '2026-03-20' },
    ]);
    expect(readRanges(coverPeriods('2025-01-01', '2025-12-31'))).toEqual([
      { grain: 'Y', first: '0000', last: '2025' },
    ]);
  });
});
