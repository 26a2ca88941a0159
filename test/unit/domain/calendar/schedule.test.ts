import { describe, expect, it } from 'vitest';
import { announcedDaysSchema, CalendarDay, statutorySchedule, YearSchedule } from '#domain/calendar/schedule';
import { weekday } from '#domain/time';

describe('Function: statutorySchedule', () => {
  it('gives the 2026 default: Tết Mon 16/2 – Fri 20/2, Giỗ Tổ on Sunday compensated on Monday 27/4', () => {
    expect(statutorySchedule(2026)).toEqual({
      year: 2026,
      source: 'statutory',
      days: [
        { date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
        { date: '2026-02-16', kind: 'holiday', name: 'Tết Âm lịch', lunar: '29/12' },
        { date: '2026-02-17', kind: 'holiday', name: 'Tết Âm lịch', lunar: '1/1' },
        { date: '2026-02-18', kind: 'holiday', name: 'Tết Âm lịch', lunar: '2/1' },
        { date: '2026-02-19', kind: 'holiday', name: 'Tết Âm lịch', lunar: '3/1' },
        { date: '2026-02-20', kind: 'holiday', name: 'Tết Âm lịch', lunar: '4/1' },
        { date: '2026-04-27', kind: 'day_off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
        { date: '2026-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
        { date: '2026-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
        // 2/9/2026 is a Wednesday, so the second day is Thursday 3/9.
        { date: '2026-09-02', kind: 'holiday', name: 'Quốc khánh' },
        { date: '2026-09-03', kind: 'holiday', name: 'Quốc khánh' },
      ],
    });
  });

  it('gives the 2022 default: 1/1 Sat, Giỗ Tổ Sun, 30/4 Sat + 1/5 Sun → Mon 2/5 and Tue 3/5, 3/9 Sat', () => {
    expect(statutorySchedule(2022).days).toEqual([
      { date: '2022-01-03', kind: 'day_off', name: 'Nghỉ bù Tết Dương lịch' },
      { date: '2022-01-31', kind: 'holiday', name: 'Tết Âm lịch', lunar: '29/12' },
      { date: '2022-02-01', kind: 'holiday', name: 'Tết Âm lịch', lunar: '1/1' },
      { date: '2022-02-02', kind: 'holiday', name: 'Tết Âm lịch', lunar: '2/1' },
      { date: '2022-02-03', kind: 'holiday', name: 'Tết Âm lịch', lunar: '3/1' },
      { date: '2022-02-04', kind: 'holiday', name: 'Tết Âm lịch', lunar: '4/1' },
      { date: '2022-04-11', kind: 'day_off', name: 'Nghỉ bù Giỗ Tổ Hùng Vương' },
      { date: '2022-05-02', kind: 'day_off', name: 'Nghỉ bù Ngày Chiến thắng' },
      { date: '2022-05-03', kind: 'day_off', name: 'Nghỉ bù Ngày Quốc tế Lao động' },
      { date: '2022-09-02', kind: 'holiday', name: 'Quốc khánh' },
      { date: '2022-09-05', kind: 'day_off', name: 'Nghỉ bù Quốc khánh' },
    ]);
  });

  it('gives Monday 1/9 when 2/9 is a Tuesday, and compensates a Tết block ending on Saturday (2025)', () => {
    expect(statutorySchedule(2025).days).toEqual([
      { date: '2025-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
      { date: '2025-01-28', kind: 'holiday', name: 'Tết Âm lịch', lunar: '29/12' },
      { date: '2025-01-29', kind: 'holiday', name: 'Tết Âm lịch', lunar: '1/1' },
      { date: '2025-01-30', kind: 'holiday', name: 'Tết Âm lịch', lunar: '2/1' },
      { date: '2025-01-31', kind: 'holiday', name: 'Tết Âm lịch', lunar: '3/1' },
      { date: '2025-02-03', kind: 'day_off', name: 'Nghỉ bù Tết Âm lịch' },
      { date: '2025-04-07', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', lunar: '10/3' },
      { date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
      { date: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
      { date: '2025-09-01', kind: 'holiday', name: 'Quốc khánh' },
      { date: '2025-09-02', kind: 'holiday', name: 'Quốc khánh' },
    ]);
  });

  it('gives Friday 3/9 when 2/9 is a Thursday, and compensates Tết Sat–Sun on Tue–Wed after the block (2021)', () => {
    expect(statutorySchedule(2021).days).toEqual([
      { date: '2021-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
      { date: '2021-02-11', kind: 'holiday', name: 'Tết Âm lịch', lunar: '30/12' },
      { date: '2021-02-12', kind: 'holiday', name: 'Tết Âm lịch', lunar: '1/1' },
      { date: '2021-02-15', kind: 'holiday', name: 'Tết Âm lịch', lunar: '4/1' },
      { date: '2021-02-16', kind: 'day_off', name: 'Nghỉ bù Tết Âm lịch' },
      { date: '2021-02-17', kind: 'day_off', name: 'Nghỉ bù Tết Âm lịch' },
      { date: '2021-04-21', kind: 'holiday', name: 'Giỗ Tổ Hùng Vương', lunar: '10/3' },
      { date: '2021-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
      { date: '2021-05-03', kind: 'day_off', name: 'Nghỉ bù Ngày Quốc tế Lao động' },
      { date: '2021-09-02', kind: 'holiday', name: 'Quốc khánh' },
      { date: '2021-09-03', kind: 'holiday', name: 'Quốc khánh' },
    ]);
  });

  it('leaves out 1/1 on a Sunday and lists its compensation on Monday 2/1 (2023)', () => {
    const days = statutorySchedule(2023).days;
    expect(days.find((d) => d.date === '2023-01-01')).toBeUndefined();
    expect(days[0]).toEqual({ date: '2023-01-02', kind: 'day_off', name: 'Nghỉ bù Tết Dương lịch' });
  });

  it('compensates Tết eve on Friday after Saturday Tết 2024 within the week after', () => {
    expect(statutorySchedule(2024).days.filter((d) => d.date.startsWith('2024-02'))).toEqual([
      { date: '2024-02-09', kind: 'holiday', name: 'Tết Âm lịch', lunar: '30/12' },
      { date: '2024-02-12', kind: 'holiday', name: 'Tết Âm lịch', lunar: '3/1' },
      { date: '2024-02-13', kind: 'holiday', name: 'Tết Âm lịch', lunar: '4/1' },
      { date: '2024-02-14', kind: 'day_off', name: 'Nghỉ bù Tết Âm lịch' },
      { date: '2024-02-15', kind: 'day_off', name: 'Nghỉ bù Tết Âm lịch' },
    ]);
  });

  it('lists, for every year 1900–2100, eleven distinct weekdays off, sorted, in a valid YearSchedule', () => {
    const problems: string[] = [];
    for (let year = 1900; year <= 2100; year++) {
      const schedule = statutorySchedule(year);
      const dates = schedule.days.map((d) => d.date);
      if (!YearSchedule.safeParse(schedule).success) problems.push(`${year}: invalid`);
      if (new Set(dates).size !== 11) problems.push(`${year}: ${dates.length} days`);
      if (dates.join() !== [...dates].sort().join()) problems.push(`${year}: unsorted`);
      for (const d of schedule.days) {
        if (!d.date.startsWith(`${year}-`)) problems.push(`${d.date}: other year`);
        if (weekday(d.date) === 0 || weekday(d.date) === 6) problems.push(`${d.date}: weekend`);
        if (d.kind === 'makeup_workday') problems.push(`${d.date}: make-up day`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('throws RangeError outside 1900–2100', () => {
    expect(() => statutorySchedule(1899)).toThrow(RangeError);
    expect(() => statutorySchedule(2101)).toThrow(RangeError);
  });
});

describe('Schema: CalendarDay', () => {
  it('accepts a lunar day/month and rejects a malformed one', () => {
    const day = { date: '2026-02-17', kind: 'holiday', name: 'Tết Âm lịch' };
    expect(CalendarDay.safeParse({ ...day, lunar: '30/12' }).success).toBe(true);
    expect(CalendarDay.safeParse({ ...day, lunar: '31/1' }).success).toBe(false);
    expect(CalendarDay.safeParse({ ...day, lunar: '1/13' }).success).toBe(false);
    expect(CalendarDay.safeParse({ ...day, lunar: '01/01' }).success).toBe(false);
  });

  it('rejects an impossible date, an unknown kind and an empty or over-long name', () => {
    const day = { date: '2026-02-17', kind: 'holiday', name: 'Tết Âm lịch' };
    expect(CalendarDay.safeParse({ ...day, date: '2026-02-30' }).success).toBe(false);
    expect(CalendarDay.safeParse({ ...day, kind: 'weekend' }).success).toBe(false);
    expect(CalendarDay.safeParse({ ...day, name: '  ' }).success).toBe(false);
    expect(CalendarDay.safeParse({ ...day, name: 'x'.repeat(201) }).success).toBe(false);
    expect(CalendarDay.safeParse({ ...day, name: 'x'.repeat(200) }).success).toBe(true);
  });
});

describe('Function: announcedDaysSchema', () => {
  const schema = announcedDaysSchema(2025);
  const issuesOf = (days: unknown[]) => {
    const result = schema.safeParse({ days });
    return result.success ? [] : result.error.issues.map((i) => ({ path: i.path, message: i.message }));
  };

  it('accepts holidays and days off on weekdays and a make-up working day on a Saturday', () => {
    const body = {
      days: [
        { date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
        { date: '2025-05-02', kind: 'day_off', name: 'Nghỉ hoán đổi' },
        { date: '2025-04-26', kind: 'makeup_workday', name: 'Làm bù cho thứ Sáu 2/5' },
      ],
    };
    expect(schema.parse(body)).toEqual(body);
  });

  it('accepts an empty list (a year with every weekday worked)', () => {
    expect(schema.safeParse({ days: [] }).success).toBe(true);
  });

  it('rejects a date of another year, pointing at that element', () => {
    expect(
      issuesOf([
        { date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
        { date: '2026-01-01', kind: 'holiday', name: 'Tết Dương lịch' },
      ]),
    ).toEqual([{ path: ['days', 1, 'date'], message: '2026-01-01 is not in 2025' }]);
  });

  it('rejects a holiday or day off on a Saturday or Sunday', () => {
    expect(
      issuesOf([
        { date: '2025-05-03', kind: 'day_off', name: 'Nghỉ' },
        { date: '2025-05-04', kind: 'holiday', name: 'Lễ' },
      ]),
    ).toEqual([
      {
        path: ['days', 0, 'date'],
        message: '2025-05-03 is a Saturday or Sunday: a day off must be a weekday (Monday–Friday)',
      },
      {
        path: ['days', 1, 'date'],
        message: '2025-05-04 is a Saturday or Sunday: a holiday must be a weekday (Monday–Friday)',
      },
    ]);
  });

  it('rejects a make-up working day on a weekday', () => {
    expect(issuesOf([{ date: '2025-04-25', kind: 'makeup_workday', name: 'Làm bù' }])).toEqual([
      {
        path: ['days', 0, 'date'],
        message: '2025-04-25 is a weekday: a make-up working day must be a Saturday or Sunday',
      },
    ]);
  });

  it('rejects a date listed twice, pointing at the second occurrence', () => {
    expect(
      issuesOf([
        { date: '2025-04-30', kind: 'holiday', name: 'Ngày Chiến thắng' },
        { date: '2025-05-01', kind: 'holiday', name: 'Ngày Quốc tế Lao động' },
        { date: '2025-04-30', kind: 'day_off', name: 'Nghỉ' },
      ]),
    ).toEqual([{ path: ['days', 2, 'date'], message: '2025-04-30 is listed twice (also at days[0])' }]);
  });

  it('rejects a malformed day with a path into that element', () => {
    const paths = issuesOf([{ date: '2025-02-29', kind: 'holiday', name: 'Lễ' }]).map((i) => i.path);
    expect(paths).toEqual([['days', 0, 'date']]);
  });

  it('reports an unknown kind once, without a misleading weekday message', () => {
    expect(issuesOf([{ date: '2025-05-03', kind: 'weekend', name: 'Nghỉ' }]).map((i) => i.path)).toEqual([
      ['days', 0, 'kind'],
    ]);
  });

  it('rejects more than 366 days', () => {
    const days = Array.from({ length: 367 }, () => ({ date: '2025-04-30', kind: 'holiday', name: 'Lễ' }));
    expect(issuesOf(days).map((i) => i.path)).toEqual([['days']]);
  });

  it('throws RangeError for a year outside 1900–2100', () => {
    expect(() => announcedDaysSchema(2101)).toThrow(RangeError);
  });
});
