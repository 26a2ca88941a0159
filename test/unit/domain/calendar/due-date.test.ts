import { describe, expect, it } from 'vitest';
import {
  CERTIFICATION_CUTOFF,
  computeDue,
  countedReceiptDay,
  DEFAULT_CUTOFF,
  extendForPause,
  isOverdue,
  StepOutcome,
  stepOutcome,
} from '#domain/calendar/due-date';
import { WorkingCalendar } from '#domain/calendar/working-calendar';

const statutory = new WorkingCalendar();
// 2025 as announced, reduced to the 30/4 swap: Friday 2/5 off, worked on Saturday 26/4 instead.
const announced = new WorkingCalendar(
  new Map([
    [
      2025,
      [
        { date: '2025-04-26', kind: 'makeup_workday' as const, name: 'Làm bù cho thứ Sáu 2/5' },
        { date: '2025-04-30', kind: 'holiday' as const, name: 'Ngày Chiến thắng' },
        { date: '2025-05-01', kind: 'holiday' as const, name: 'Ngày Quốc tế Lao động' },
        { date: '2025-05-02', kind: 'day_off' as const, name: 'Nghỉ hoán đổi' },
      ],
    ],
  ]),
);

const at = (iso: string) => new Date(iso);
const rule = (processingDays: number, cutoff = DEFAULT_CUTOFF) => ({ processingDays, cutoff });

describe('Function: computeDue', () => {
  it('counts a receipt on a working day before the cut-off from that day', () => {
    // Tuesday 10/3/2026 + 3 working days: Wed 11, Thu 12, Fri 13.
    expect(computeDue(statutory, at('2026-03-10T09:00:00+07:00'), rule(3))).toEqual({
      receivedAt: '2026-03-10T09:00:00+07:00',
      countedFrom: '2026-03-10',
      dueAt: '2026-03-13T17:00:00+07:00',
    });
  });

  it('counts a receipt after the cut-off from the next working day', () => {
    // Counted Wed 11/3; + 3: Thu 12, Fri 13, Mon 16.
    expect(computeDue(statutory, at('2026-03-10T17:30:00+07:00'), rule(3))).toEqual({
      receivedAt: '2026-03-10T17:30:00+07:00',
      countedFrom: '2026-03-11',
      dueAt: '2026-03-16T17:00:00+07:00',
    });
  });

  it('counts a receipt exactly at the cut-off from the next working day, one a second earlier from that day', () => {
    expect(computeDue(statutory, at('2026-03-10T17:00:00+07:00'), rule(3)).countedFrom).toBe('2026-03-11');
    expect(computeDue(statutory, at('2026-03-10T16:59:59+07:00'), rule(3)).countedFrom).toBe('2026-03-10');
  });

  it('counts a receipt before office hours from that day', () => {
    expect(computeDue(statutory, at('2026-03-10T06:15:00+07:00'), rule(1))).toEqual({
      receivedAt: '2026-03-10T06:15:00+07:00',
      countedFrom: '2026-03-10',
      dueAt: '2026-03-11T17:00:00+07:00',
    });
  });

  it('counts a receipt on a Saturday or a Sunday from Monday', () => {
    expect(computeDue(statutory, at('2026-03-14T10:00:00+07:00'), rule(1))).toEqual({
      receivedAt: '2026-03-14T10:00:00+07:00',
      countedFrom: '2026-03-16',
      dueAt: '2026-03-17T17:00:00+07:00',
    });
    expect(computeDue(statutory, at('2026-03-15T08:00:00+07:00'), rule(1)).countedFrom).toBe('2026-03-16');
  });

  it('counts a receipt on a holiday from the next working day', () => {
    // Thu 30/4/2026 and Fri 1/5 are holidays: counted Mon 4/5; + 2: Tue 5, Wed 6.
    expect(computeDue(statutory, at('2026-04-30T09:00:00+07:00'), rule(2))).toEqual({
      receivedAt: '2026-04-30T09:00:00+07:00',
      countedFrom: '2026-05-04',
      dueAt: '2026-05-06T17:00:00+07:00',
    });
    // Mon 27/4/2026 is the day off compensating Giỗ Tổ.
    expect(computeDue(statutory, at('2026-04-27T08:00:00+07:00'), rule(0)).countedFrom).toBe('2026-04-28');
  });

  it('carries a receipt on the day before Tết across the whole Tết block', () => {
    // Fri 13/2/2026; Mon 16 – Fri 20 is Tết, then the weekend: Mon 23 … Fri 27 are days 1–5.
    expect(computeDue(statutory, at('2026-02-13T10:00:00+07:00'), rule(5))).toEqual({
      receivedAt: '2026-02-13T10:00:00+07:00',
      countedFrom: '2026-02-13',
      dueAt: '2026-02-27T17:00:00+07:00',
    });
    expect(computeDue(statutory, at('2026-02-13T10:00:00+07:00'), rule(1)).dueAt).toBe(
      '2026-02-23T17:00:00+07:00',
    );
  });

  it('counts an announced make-up Saturday as a working day and skips an announced bridge day', () => {
    expect(computeDue(announced, at('2025-04-25T10:00:00+07:00'), rule(1)).dueAt).toBe(
      '2025-04-26T17:00:00+07:00',
    );
    expect(computeDue(statutory, at('2025-04-25T10:00:00+07:00'), rule(1)).dueAt).toBe(
      '2025-04-28T17:00:00+07:00',
    );
    expect(computeDue(announced, at('2025-04-26T09:00:00+07:00'), rule(0))).toEqual({
      receivedAt: '2025-04-26T09:00:00+07:00',
      countedFrom: '2025-04-26',
      dueAt: '2025-04-26T17:00:00+07:00',
    });
    // Tue 29/4 + 1: 30/4 and 1/5 holidays, 2/5 swapped off, weekend → Mon 5/5.
    expect(computeDue(announced, at('2025-04-29T10:00:00+07:00'), rule(1)).dueAt).toBe(
      '2025-05-05T17:00:00+07:00',
    );
  });

  it('makes a same-day procedure (N = 0) due at 17:00 that day', () => {
    expect(computeDue(statutory, at('2026-03-10T10:00:00+07:00'), rule(0))).toEqual({
      receivedAt: '2026-03-10T10:00:00+07:00',
      countedFrom: '2026-03-10',
      dueAt: '2026-03-10T17:00:00+07:00',
    });
  });

  it('makes a same-day procedure received after the cut-off due at 17:00 the next working day', () => {
    expect(computeDue(statutory, at('2026-03-13T17:05:00+07:00'), rule(0))).toEqual({
      receivedAt: '2026-03-13T17:05:00+07:00',
      countedFrom: '2026-03-16',
      dueAt: '2026-03-16T17:00:00+07:00',
    });
  });

  it('applies the 15:00 certification cut-off (Decree 23/2015 art. 7)', () => {
    expect(CERTIFICATION_CUTOFF).toBe('15:00');
    expect(computeDue(statutory, at('2026-03-10T14:59:00+07:00'), rule(0, CERTIFICATION_CUTOFF)).dueAt).toBe(
      '2026-03-10T17:00:00+07:00',
    );
    expect(computeDue(statutory, at('2026-03-10T15:00:00+07:00'), rule(0, CERTIFICATION_CUTOFF))).toEqual({
      receivedAt: '2026-03-10T15:00:00+07:00',
      countedFrom: '2026-03-11',
      dueAt: '2026-03-11T17:00:00+07:00',
    });
  });

  it('crosses the new year from a receipt on 31 December', () => {
    // Thu 31/12/2026; Fri 1/1/2027 is a holiday, then the weekend: Mon 4, Tue 5, Wed 6.
    expect(computeDue(statutory, at('2026-12-31T16:00:00+07:00'), rule(3))).toEqual({
      receivedAt: '2026-12-31T16:00:00+07:00',
      countedFrom: '2026-12-31',
      dueAt: '2027-01-06T17:00:00+07:00',
    });
    expect(computeDue(statutory, at('2026-12-31T17:30:00+07:00'), rule(0)).countedFrom).toBe('2027-01-04');
  });

  it('uses the local date of an instant given in UTC', () => {
    // 18:30 UTC on Monday 9/3 is 01:30 on Tuesday 10/3 in Vietnam.
    expect(computeDue(statutory, at('2026-03-09T18:30:00Z'), rule(0))).toEqual({
      receivedAt: '2026-03-10T01:30:00+07:00',
      countedFrom: '2026-03-10',
      dueAt: '2026-03-10T17:00:00+07:00',
    });
  });

  it('rejects a negative or fractional processing time and a malformed cut-off', () => {
    const received = at('2026-03-10T09:00:00+07:00');
    expect(() => computeDue(statutory, received, rule(-1))).toThrow(RangeError);
    expect(() => computeDue(statutory, received, rule(0.5))).toThrow(RangeError);
    expect(() => computeDue(statutory, received, rule(1, '5pm'))).toThrow(RangeError);
  });
});

describe('Function: countedReceiptDay', () => {
  it('returns the receipt day before the cut-off and the next working day from the cut-off on', () => {
    expect(countedReceiptDay(statutory, at('2026-03-13T16:00:00+07:00'), '17:00')).toBe('2026-03-13');
    expect(countedReceiptDay(statutory, at('2026-03-13T16:00:00+07:00'), '15:00')).toBe('2026-03-16');
  });
});

describe('Function: extendForPause', () => {
  const dueAt = '2026-03-18T17:00:00+07:00';

  it('leaves the deadline unchanged for a pause within one day', () => {
    expect(
      extendForPause(statutory, dueAt, at('2026-03-10T09:00:00+07:00'), at('2026-03-10T15:00:00+07:00')),
    ).toEqual({ dueAt, pausedWorkingDays: 0 });
  });

  it('counts only the working days of a pause across a weekend', () => {
    // Paused Fri 13/3, resumed Mon 16/3: only Monday counts; Wed 18 → Thu 19.
    expect(
      extendForPause(statutory, dueAt, at('2026-03-13T10:00:00+07:00'), at('2026-03-16T09:00:00+07:00')),
    ).toEqual({ dueAt: '2026-03-19T17:00:00+07:00', pausedWorkingDays: 1 });
    expect(
      extendForPause(statutory, dueAt, at('2026-03-13T10:00:00+07:00'), at('2026-03-15T18:00:00+07:00')),
    ).toEqual({ dueAt, pausedWorkingDays: 0 });
  });

  it('skips holidays both in the pause and in the extension', () => {
    // Paused Thu 23/4/2026, resumed Tue 28/4: Fri 24 and Tue 28 count (Sun 26 Giỗ Tổ, Mon 27 off).
    // Due Wed 29/4 + 2: Thu 30/4 and Fri 1/5 are holidays → Mon 4/5, Tue 5/5.
    expect(
      extendForPause(
        statutory,
        '2026-04-29T17:00:00+07:00',
        at('2026-04-23T10:00:00+07:00'),
        at('2026-04-28T08:00:00+07:00'),
      ),
    ).toEqual({ dueAt: '2026-05-05T17:00:00+07:00', pausedWorkingDays: 2 });
  });

  it('rejects a resumption before the pause and a malformed due date', () => {
    expect(() =>
      extendForPause(statutory, dueAt, at('2026-03-13T10:00:00+07:00'), at('2026-03-12T10:00:00+07:00')),
    ).toThrow(RangeError);
    expect(() =>
      extendForPause(
        statutory,
        '2026-03-18',
        at('2026-03-13T10:00:00+07:00'),
        at('2026-03-16T10:00:00+07:00'),
      ),
    ).toThrow(RangeError);
  });
});

describe('Function: stepOutcome', () => {
  const dueAt = '2026-03-13T17:00:00+07:00';

  it('is early before the due day, even late in the evening', () => {
    expect(stepOutcome(at('2026-03-12T23:59:59+07:00'), dueAt)).toBe('early');
  });

  it('is on time on the due day up to and including the due time', () => {
    expect(stepOutcome(at('2026-03-13T00:00:00+07:00'), dueAt)).toBe('on_time');
    expect(stepOutcome(at('2026-03-13T17:00:00+07:00'), dueAt)).toBe('on_time');
  });

  it('is late after the due time', () => {
    expect(stepOutcome(at('2026-03-13T17:00:01+07:00'), dueAt)).toBe('late');
    expect(stepOutcome(at('2026-03-16T08:00:00+07:00'), dueAt)).toBe('late');
  });

  it('judges the due day in Vietnamese time when the due time is written in UTC', () => {
    expect(stepOutcome(at('2026-03-12T17:30:00Z'), '2026-03-13T10:00:00Z')).toBe('on_time');
    expect(stepOutcome(at('2026-03-12T16:59:00Z'), '2026-03-13T10:00:00Z')).toBe('early');
  });

  it('has the three outcomes of the schema', () => {
    expect(StepOutcome.options).toEqual(['early', 'on_time', 'late']);
  });
});

describe('Function: isOverdue', () => {
  const dueAt = '2026-03-13T17:00:00+07:00';

  it('is false up to and including the due time and true after it', () => {
    expect(isOverdue(at('2026-03-13T16:59:59+07:00'), dueAt)).toBe(false);
    expect(isOverdue(at('2026-03-13T17:00:00+07:00'), dueAt)).toBe(false);
    expect(isOverdue(at('2026-03-13T17:00:00.001+07:00'), dueAt)).toBe(true);
  });
});
