import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatTime,
  localToday,
} from '../../../../web/src/shared/format.ts';

describe('dates and times as the ward writes them', () => {
  it('writes dd/mm/yyyy in Đà Nẵng time, whatever the instant’s offset', () => {
    // 17:30 UTC is already the next day in Đà Nẵng (UTC+7).
    expect(formatDate('2026-11-26T17:30:00Z')).toBe('27/11/2026');
    expect(formatDateTime('2026-11-26T17:30:00Z')).toBe('27/11/2026 00:30');
    expect(formatTime('2026-11-27T07:05:00+07:00')).toBe('07:05');
  });

  it('reads a plain YYYY-MM-DD as that local day', () => {
    expect(formatDate('2027-02-05')).toBe('05/02/2027');
  });

  it('leaves nothing for missing or unreadable values', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('knows the local day near midnight', () => {
    expect(localToday(new Date('2026-11-26T16:59:59Z'))).toBe('2026-11-26');
    expect(localToday(new Date('2026-11-26T17:00:00Z'))).toBe('2026-11-27');
  });

  it('writes fees with dot thousands and the đồng sign', () => {
    expect(formatMoney(1234567).replace(/\s/g, ' ')).toBe('1.234.567 đ');
  });
});
