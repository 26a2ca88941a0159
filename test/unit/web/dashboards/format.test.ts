import { describe, expect, it } from 'vitest';
import { fileNameOf, reportFileName } from '../../../../web/src/features/dashboards/download.ts';
import { bucketLabel, hoursShown, periodLabel } from '../../../../web/src/features/dashboards/labels.ts';
import {
  formatMinutes,
  formatNumber,
  formatPercent,
} from '../../../../web/src/features/dashboards/numbers.ts';

describe('Function: formatNumber', () => {
  it('groups thousands with dots and writes decimals with a comma, in Vietnamese', () => {
    expect(formatNumber(1234)).toBe('1.234');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(4.25, 'vi', 1)).toBe('4,3');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(1234, 'en')).toBe('1,234');
  });
});

describe('Function: formatPercent', () => {
  it('writes a share as a percentage with one decimal and a spaced sign', () => {
    expect(formatPercent(0.925)).toBe('92,5 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(0.925, 'en')).toBe('92.5%');
    expect(formatMinutes(4.5)).toBe('4,5 phút');
  });
});

describe('Function: labels', () => {
  it('names a period in Vietnamese dates', () => {
    expect(periodLabel({ kind: 'quarter', from: '2025-10-01', to: '2025-12-31' })).toMatchObject({
      key: 'label_quarter',
      values: { quarter: '4', year: '2025' },
    });
    expect(periodLabel({ kind: 'custom', from: '2025-10-01', to: '2025-10-31' }).values).toMatchObject({
      from: '01/10/2025',
      to: '31/10/2025',
    });
  });

  it('labels chart points by day, week and month', () => {
    expect(bucketLabel({ from: '2025-10-06', to: '2025-10-06' }, 'day')).toBe('06/10');
    expect(bucketLabel({ from: '2025-10-06', to: '2025-10-12' }, 'week')).toBe('06/10–12/10');
    expect(bucketLabel({ from: '2025-10-01', to: '2025-10-31' }, 'month')).toBe('10/2025');
  });
});

describe('Function: fileNameOf', () => {
  const fallback = reportFileName(
    { kind: 'district', districtId: 'son-tra' },
    { from: '2025-10-01', to: '2025-10-31' },
    'xlsx',
  );
  it('names the file as the API does when the header is missing', () => {
    expect(fallback).toBe('bao-cao-II06a-district-son-tra-2025-10-01-2025-10-31.xlsx');
    expect(fileNameOf(null, fallback)).toBe(fallback);
  });

  it('prefers the exact UTF-8 name, then the ASCII one, and drops path separators', () => {
    expect(fileNameOf(`attachment; filename="a.csv"; filename*=UTF-8''b%C3%A1o%20c%C3%A1o.csv`, 'x')).toBe(
      'báo cáo.csv',
    );
    expect(fileNameOf('attachment; filename="bao-cao.csv"', 'x')).toBe('bao-cao.csv');
    expect(fileNameOf('attachment; filename="../../etc/x.csv"', 'x')).toBe('....etcx.csv');
  });
});

describe('Function: hoursShown', () => {
  it('draws office hours, widened to any busy hour', () => {
    const byHour = Array.from({ length: 24 }, () => 0);
    expect(hoursShown(byHour)).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]);
    byHour[19] = 2;
    expect(hoursShown(byHour).at(-1)).toBe(19);
  });
});
