import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatLocalDate, formatTime } from '#domain/forms/format';
import { localDateOf, toLocalIso } from '#domain/time';

describe('form dates', () => {
  it('writes dates dd/mm/yyyy and times HH:MM', () => {
    expect(formatLocalDate('2026-03-02')).toBe('02/03/2026');
    expect(formatDate('2026-12-31T17:00:00+07:00')).toBe('31/12/2026');
    expect(formatTime('2026-03-02T08:05:00+07:00')).toBe('08:05');
    expect(formatDateTime('2026-03-05T17:00:00+07:00')).toBe('17:00 ngày 05/03/2026');
  });

  it('prints local time in Asia/Ho_Chi_Minh whatever offset the instant was stored with', () => {
    // 18:30 UTC on 1 March is 01:30 on 2 March in Đà Nẵng.
    expect(formatDateTime('2026-03-01T18:30:00Z')).toBe('01:30 ngày 02/03/2026');
    expect(formatDateTime('2026-03-02T03:30:00+02:00')).toBe('08:30 ngày 02/03/2026');
  });

  it('reads back to the same local day and minute for any instant', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = toLocalIso(d);
          const [day, month, year] = formatDate(iso).split('/');
          expect(`${year}-${month}-${day}`).toBe(localDateOf(d));
          expect(formatTime(iso)).toBe(iso.slice(11, 16));
          expect(formatDate(d.toISOString())).toBe(formatDate(iso));
        },
      ),
    );
  });
});
