import { describe, expect, it } from 'vitest';
import {
  addDays,
  isDay,
  parseDisplayDay,
  parsePeriod,
  periodAround,
  periodParams,
  shiftPeriod,
  withKind,
} from '../../../../web/src/features/dashboards/period.ts';

const TODAY = '2026-11-27'; // a Friday

describe('Function: periodAround', () => {
  it('starts a week on Monday and ends it on Sunday', () => {
    expect(periodAround('week', TODAY)).toEqual({ kind: 'week', from: '2026-11-23', to: '2026-11-29' });
    // A Sunday belongs to the week that started six days before.
    expect(periodAround('week', '2026-11-29')).toEqual({
      kind: 'week',
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(periodAround('week', '2026-11-23').from).toBe('2026-11-23');
  });

  it('bounds months, leap Februaries included', () => {
    expect(periodAround('month', '2024-02-10')).toEqual({
      kind: 'month',
      from: '2024-02-01',
      to: '2024-02-29',
    });
    expect(periodAround('month', '2025-12-31')).toEqual({
      kind: 'month',
      from: '2025-12-01',
      to: '2025-12-31',
    });
  });

  it('bounds quarters on January, April, July and October', () => {
    expect(periodAround('quarter', '2025-10-15')).toEqual({
      kind: 'quarter',
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(periodAround('quarter', '2026-03-31')).toEqual({
      kind: 'quarter',
      from: '2026-01-01',
      to: '2026-03-31',
    });
    expect(periodAround('quarter', '2026-04-01')).toEqual({
      kind: 'quarter',
      from: '2026-04-01',
      to: '2026-06-30',
    });
  });

  it('bounds days and years', () => {
    expect(periodAround('day', TODAY)).toEqual({ kind: 'day', from: TODAY, to: TODAY });
    expect(periodAround('year', TODAY)).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
  });
});

describe('Function: shiftPeriod', () => {
  it('moves a calendar period to the one before or after, across year ends', () => {
    expect(shiftPeriod(periodAround('month', '2026-01-15'), -1)).toEqual(periodAround('month', '2025-12-01'));
    expect(shiftPeriod(periodAround('quarter', '2025-11-01'), 1)).toEqual(
      periodAround('quarter', '2026-01-01'),
    );
    expect(shiftPeriod(periodAround('week', '2025-12-31'), 1)).toEqual({
      kind: 'week',
      from: '2026-01-05',
      to: '2026-01-11',
    });
    expect(shiftPeriod(periodAround('day', '2024-03-01'), -1).from).toBe('2024-02-29');
  });

  it('moves a custom range by its own length', () => {
    expect(shiftPeriod({ kind: 'custom', from: '2025-10-01', to: '2025-10-10' }, 1)).toEqual({
      kind: 'custom',
      from: '2025-10-11',
      to: '2025-10-20',
    });
    expect(shiftPeriod({ kind: 'custom', from: '2025-10-01', to: '2025-10-10' }, -1)).toEqual({
      kind: 'custom',
      from: '2025-09-21',
      to: '2025-09-30',
    });
  });
});

describe('Function: parsePeriod', () => {
  it('defaults to the current month', () => {
    expect(parsePeriod(new URLSearchParams(''), TODAY)).toEqual({
      kind: 'month',
      from: '2026-11-01',
      to: '2026-11-30',
    });
  });

  it('widens a calendar period from any of its days and keeps a custom range as asked', () => {
    expect(parsePeriod(new URLSearchParams('period=quarter&from=2025-11-20'), TODAY)).toEqual(
      periodAround('quarter', '2025-10-01'),
    );
    expect(parsePeriod(new URLSearchParams('period=custom&from=2025-10-01&to=2025-10-31'), TODAY)).toEqual({
      kind: 'custom',
      from: '2025-10-01',
      to: '2025-10-31',
    });
  });

  it('falls back to the current month for a reversed or broken range', () => {
    const month = periodAround('month', TODAY);
    expect(parsePeriod(new URLSearchParams('period=custom&from=2025-10-31&to=2025-10-01'), TODAY)).toEqual(
      month,
    );
    expect(parsePeriod(new URLSearchParams('period=custom&from=2025-02-30&to=2025-03-01'), TODAY)).toEqual(
      month,
    );
    expect(parsePeriod(new URLSearchParams('period=fortnight'), TODAY)).toEqual(month);
  });

  it('reads back what periodParams writes', () => {
    for (const period of [
      periodAround('week', TODAY),
      { kind: 'custom' as const, from: '2025-01-02', to: '2025-03-04' },
    ])
      expect(parsePeriod(new URLSearchParams(periodParams(period)), TODAY)).toEqual(period);
  });
});

describe('Function: withKind', () => {
  it('takes the period of the new kind holding the first day, and a custom range keeps the days', () => {
    const month = periodAround('month', '2025-10-15');
    expect(withKind('year', month)).toEqual(periodAround('year', '2025-10-01'));
    expect(withKind('custom', month)).toEqual({ kind: 'custom', from: '2025-10-01', to: '2025-10-31' });
  });
});

describe('Function: isDay', () => {
  it('accepts real days only', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2025-02-29')).toBe(false);
    expect(isDay('2025-1-01')).toBe(false);
    expect(isDay(null)).toBe(false);
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
  });
});

describe('Function: parseDisplayDay', () => {
  it('reads dd/mm/yyyy as typed in Vietnamese offices, real days only', () => {
    expect(parseDisplayDay('01/10/2025')).toBe('2025-10-01');
    expect(parseDisplayDay(' 1/2/2024 ')).toBe('2024-02-01');
    expect(parseDisplayDay('29/02/2025')).toBeUndefined();
    expect(parseDisplayDay('2025-10-01')).toBeUndefined();
  });
});
