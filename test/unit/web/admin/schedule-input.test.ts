import { describe, expect, it } from 'vitest';
import {
  entryNumberOf,
  parseScheduleInput,
  scheduleText,
} from '../../../../web/src/features/admin/schedule-input.ts';

const day = { date: '2031-01-01', kind: 'holiday', name: 'Tết Dương lịch' };

describe('schedule input: what the form checks before the API', () => {
  it('accepts the body the API takes, and a bare list of days', () => {
    expect(parseScheduleInput(JSON.stringify({ days: [day] }), 2031)).toEqual({
      ok: true,
      body: { days: [day] },
    });
    expect(parseScheduleInput(JSON.stringify([day]), 2031)).toEqual({ ok: true, body: { days: [day] } });
  });

  it('reports text that is not JSON, with the parser’s words', () => {
    const parsed = parseScheduleInput('{"days": [', 2031);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]).toMatchObject({ path: '(body)', code: 'syntax' });
  });

  it('asks for a days list', () => {
    expect(parseScheduleInput('{"ngay": []}', 2031)).toEqual({
      ok: false,
      problems: [{ path: 'days', code: 'shape' }],
    });
  });

  it('names each wrong element on the API’s paths', () => {
    const text = JSON.stringify({
      days: [
        day,
        { date: '2031-02-30', kind: 'holiday', name: 'Ngày không có' },
        { date: '2030-12-31', kind: 'nghi', name: ' ' },
        'x',
      ],
    });
    expect(parseScheduleInput(text, 2031)).toEqual({
      ok: false,
      problems: [
        { path: 'days.1.date', code: 'date' },
        { path: 'days.2.date', code: 'otherYear' },
        { path: 'days.2.kind', code: 'kind' },
        { path: 'days.2.name', code: 'name' },
        { path: 'days.3', code: 'notObject' },
      ],
    });
  });

  it('leaves the weekend rules to the API', () => {
    // 2031-01-06 is a Monday: a make-up working day there is the API's to refuse.
    const text = JSON.stringify({ days: [{ date: '2031-01-06', kind: 'makeup_workday', name: 'Làm bù' }] });
    expect(parseScheduleInput(text, 2031).ok).toBe(true);
  });

  it('writes the schedule in force as text the form reads back', () => {
    const text = scheduleText([day as never]);
    expect(parseScheduleInput(text, 2031)).toEqual({ ok: true, body: { days: [day] } });
  });

  it('numbers entries from 1 for the sentence in the UI', () => {
    expect(entryNumberOf('days.0.date')).toBe(1);
    expect(entryNumberOf('days.12')).toBe(13);
    expect(entryNumberOf('(body)')).toBeUndefined();
  });
});
