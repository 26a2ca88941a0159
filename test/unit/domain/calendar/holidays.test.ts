import { describe, expect, it } from 'vitest';
import { compensationDays, isWeeklyRestDay, statutoryHolidays } from '#domain/calendar/holidays';

describe('Function: statutoryHolidays', () => {
  it('lists the eleven holiday days of 2026 with their Vietnamese names, including those on a weekend', () => {
    expect(statutoryHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Tết Dương lịch' },
      { date: '2026-02-16', name: 'Tết Âm lịch', lunar: '29/12' },
      { date: '2026-02-17', name: 'Tết Âm lịch', lunar: '1/1' },
      { date: '2026-02-18', name: 'Tết Âm lịch', lunar: '2/1' },
      { date: '2026-02-19', name: 'Tết Âm lịch', lunar: '3/1' },
      { date: '2026-02-20', name: 'Tết Âm lịch', lunar: '4/1' },
      { date: '2026-04-26', name: 'Giỗ Tổ Hùng Vương', lunar: '10/3' },
      { date: '2026-04-30', name: 'Ngày Chiến thắng' },
      { date: '2026-05-01', name: 'Ngày Quốc tế Lao động' },
      { date: '2026-09-02', name: 'Quốc khánh' },
      { date: '2026-09-03', name: 'Quốc khánh' },
    ]);
  });

  it('starts Tết on 30 tháng Chạp when the last lunar month has 30 days', () => {
    const tet = statutoryHolidays(2024).filter((h) => h.name === 'Tết Âm lịch');
    expect(tet.map((h) => [h.date, h.lunar])).toEqual([
      ['2024-02-09', '30/12'],
      ['2024-02-10', '1/1'],
      ['2024-02-11', '2/1'],
      ['2024-02-12', '3/1'],
      ['2024-02-13', '4/1'],
    ]);
  });

  it.each([
    [2025, ['2025-09-01', '2025-09-02']], // 2/9 is a Tuesday: Monday 1/9 makes the bridge
    [2021, ['2021-09-02', '2021-09-03']], // 2/9 is a Thursday: Friday 3/9
    [2026, ['2026-09-02', '2026-09-03']], // 2/9 is a Wednesday: 3/9
    [2023, ['2023-09-02', '2023-09-03']], // 2/9 is a Saturday: 3/9 (both compensated)
  ])('gives Quốc khánh %i the days %j', (year, days) => {
    expect(
      statutoryHolidays(year)
        .filter((h) => h.name === 'Quốc khánh')
        .map((h) => h.date),
    ).toEqual(days);
  });

  it('throws RangeError outside 1900–2100', () => {
    expect(() => statutoryHolidays(1899)).toThrow(RangeError);
    expect(() => statutoryHolidays(2101)).toThrow(RangeError);
  });
});

describe('Function: compensationDays', () => {
  it('compensates 30/4 on Saturday and 1/5 on Sunday on the next two working days (2022)', () => {
    expect(compensationDays(statutoryHolidays(2022))).toEqual([
      { date: '2022-01-03', name: 'Nghỉ bù Tết Dương lịch', compensates: '2022-01-01' },
      { date: '2022-04-11', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', compensates: '2022-04-10' },
      { date: '2022-05-02', name: 'Nghỉ bù Ngày Chiến thắng', compensates: '2022-04-30' },
      { date: '2022-05-03', name: 'Nghỉ bù Ngày Quốc tế Lao động', compensates: '2022-05-01' },
      { date: '2022-09-05', name: 'Nghỉ bù Quốc khánh', compensates: '2022-09-03' },
    ]);
  });

  it('skips a holiday Monday when looking for the compensation day (2023: Sat 29/4, Sun 30/4, Mon 1/5)', () => {
    const days = compensationDays(statutoryHolidays(2023));
    expect(days.filter((d) => d.date >= '2023-04-01' && d.date < '2023-06-01')).toEqual([
      { date: '2023-05-02', name: 'Nghỉ bù Giỗ Tổ Hùng Vương', compensates: '2023-04-29' },
      { date: '2023-05-03', name: 'Nghỉ bù Ngày Chiến thắng', compensates: '2023-04-30' },
    ]);
  });

  it('compensates a Tết block that covers a weekend after the block (2021: Thu 11/2 – Mon 15/2)', () => {
    const days = compensationDays(statutoryHolidays(2021));
    expect(days.filter((d) => d.date < '2021-03-01')).toEqual([
      { date: '2021-02-16', name: 'Nghỉ bù Tết Âm lịch', compensates: '2021-02-13' },
      { date: '2021-02-17', name: 'Nghỉ bù Tết Âm lịch', compensates: '2021-02-14' },
    ]);
  });

  it('compensates a holiday that shares its date with another (10/3 lunar was 30/4 in 1947)', () => {
    // 1947: 30/4 Wednesday is both Giỗ Tổ and the Victory day, 1/5 Thursday is a holiday.
    expect(compensationDays(statutoryHolidays(1947)).filter((d) => d.date.startsWith('1947-05'))).toEqual([
      { date: '1947-05-02', name: 'Nghỉ bù Ngày Chiến thắng', compensates: '1947-04-30' },
    ]);
  });

  it('gives nothing when no holiday falls on a weekend', () => {
    expect(compensationDays([{ date: '2026-04-30', name: 'Ngày Chiến thắng' }])).toEqual([]);
  });
});

describe('Function: isWeeklyRestDay', () => {
  it('is true on Saturday and Sunday only', () => {
    expect(isWeeklyRestDay('2026-03-14')).toBe(true);
    expect(isWeeklyRestDay('2026-03-15')).toBe(true);
    expect(isWeeklyRestDay('2026-03-13')).toBe(false);
    expect(isWeeklyRestDay('2026-03-16')).toBe(false);
  });
});
